using Workflow.Domain;

namespace Workflow.Domain.Tests;

public class BudgetCheckerTests
{
    private static PriceQuote Quote(decimal total, string currency = "EUR") => new(currency, total, 0m, total, []);

    [Test]
    public void Check_TotalWithinRemaining_Passes()
    {
        var result = BudgetChecker.Check(new BudgetRecord("CC-1", "EUR", 1000m, 400m), "CC-1", Quote(600m));

        Assert.That(result.WithinBudget, Is.True);
        Assert.That(result.Remaining, Is.EqualTo(600m));
        Assert.That(result.Reason, Is.Null);
    }

    [Test]
    public void Check_TotalAboveRemaining_FailsWithAmounts()
    {
        var result = BudgetChecker.Check(new BudgetRecord("CC-1", "EUR", 1000m, 400m), "CC-1", Quote(600.01m));

        Assert.That(result.WithinBudget, Is.False);
        Assert.That(result.Reason, Does.Contain("600.01 EUR").And.Contain("600"));
    }

    [Test]
    public void Check_NoBudgetRecord_Fails()
    {
        var result = BudgetChecker.Check(null, "CC-9", Quote(1m));

        Assert.That(result.WithinBudget, Is.False);
        Assert.That(result.Reason, Does.Contain("CC-9").And.Contain("no budget"));
    }

    [Test]
    public void Check_OtherCurrency_FailsWithoutConverting()
    {
        var result = BudgetChecker.Check(new BudgetRecord("CC-1", "USD", 1000m, 0m), "CC-1", Quote(1m));

        Assert.That(result.WithinBudget, Is.False);
        Assert.That(result.Reason, Does.Contain("USD").And.Contain("EUR"));
    }
}

public class PolicyCheckerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly PolicySettings Settings = new() { ApprovalThreshold = 1000m, BlockedVendors = ["Evil Corp"] };

    private static PriceQuote Quote(decimal total) => new("EUR", total, 0m, total, []);

    private static PurchaseRequest Request(string vendor = "ACME Ltd") => new("alice", "CC-1", vendor, "EUR", [new PurchaseLine("x", 1m, 1m)]);

    private static RequestHistoryEntry Earlier(decimal total, TimeSpan ago, string vendor = "ACME Ltd", string requester = "alice", JobStatus status = JobStatus.Succeeded) =>
        new(Guid.NewGuid().ToString("N"), requester, vendor, "EUR", total, Now - ago, status);

    [TestCase("Evil Corp")]
    [TestCase("  evil   CORP ")]
    public void Check_BlockedVendor_IsFlaggedWhateverTheSpacingOrCase(string vendor)
    {
        var result = new PolicyChecker(Settings).Check("job", Request(vendor), Quote(10m), [], Now);

        Assert.That(result.Flags.Select(f => f.Code), Is.EqualTo(new[] { PolicyFlag.BlockedVendor }));
    }

    [Test]
    public void Check_OrdinaryRequest_HasNoFlags() =>
        Assert.That(new PolicyChecker(Settings).Check("job", Request(), Quote(500m), [Earlier(500m, TimeSpan.FromDays(1))], Now).Flags, Is.Empty);

    [Test]
    public void Check_SeveralRequestsJustUnderThreshold_IsASplitPurchase()
    {
        var history = new[] { Earlier(950m, TimeSpan.FromDays(1)), Earlier(900m, TimeSpan.FromDays(3)) };

        var result = new PolicyChecker(Settings).Check("job", Request(), Quote(990m), history, Now);

        var flag = result.Flags.Single();
        Assert.That(flag.Code, Is.EqualTo(PolicyFlag.SplitPurchase));
        Assert.That(flag.Message, Does.Contain("3 requests").And.Contain("2840"));
    }

    [Test]
    public void Check_EarlierRequestOutsideWindow_IsNotASplit() =>
        Assert.That(new PolicyChecker(Settings).Check("job", Request(), Quote(990m), [Earlier(950m, TimeSpan.FromDays(8))], Now).Flags, Is.Empty);

    [Test]
    public void Check_EarlierRequestToOtherVendor_IsNotASplit() =>
        Assert.That(new PolicyChecker(Settings).Check("job", Request(), Quote(990m), [Earlier(950m, TimeSpan.FromDays(1), vendor: "Other")], Now).Flags, Is.Empty);

    [Test]
    public void Check_EarlierRequestByOtherRequester_IsNotASplit() =>
        Assert.That(new PolicyChecker(Settings).Check("job", Request(), Quote(990m), [Earlier(950m, TimeSpan.FromDays(1), requester: "bob")], Now).Flags, Is.Empty);

    [Test]
    public void Check_CancelledEarlierRequest_DoesNotCount() =>
        Assert.That(new PolicyChecker(Settings).Check("job", Request(), Quote(990m), [Earlier(950m, TimeSpan.FromDays(1), status: JobStatus.Cancelled)], Now).Flags, Is.Empty);

    [Test]
    public void Check_CurrentRequestWellUnderThreshold_IsNotASplit() =>
        Assert.That(new PolicyChecker(Settings).Check("job", Request(), Quote(100m), [Earlier(950m, TimeSpan.FromDays(1))], Now).Flags, Is.Empty);

    [Test]
    public void Check_TheJobItselfInHistory_IsNotCountedTwice()
    {
        var self = new RequestHistoryEntry("job", "alice", "ACME Ltd", "EUR", 990m, Now, JobStatus.Running);

        Assert.That(new PolicyChecker(Settings).Check("job", Request(), Quote(990m), [self], Now).Flags, Is.Empty);
    }
}

public class DecisionMergerTests
{
    private static readonly DecisionMerger Merger = new(1000m);

    private static DecisionInputs Inputs(decimal total, bool valid = true, bool withinBudget = true, params PolicyFlag[] flags) => new()
    {
        Validation = valid ? ValidationReport.Ok : new ValidationReport(false, [new FieldError("input.vendor", "is required")]),
        Price = new PriceQuote("EUR", total, 0m, total, []),
        Budget = new BudgetCheckResult("CC-1", "EUR", withinBudget, 5000m, total, withinBudget ? null : "over budget"),
        Policy = new PolicyResult(flags),
    };

    [Test]
    public void Merge_SmallCleanRequest_NeedsNoApproval()
    {
        var decision = Merger.Merge(Inputs(999.99m));

        Assert.That(decision.NeedsApproval, Is.False);
        Assert.That(decision.AutoReject, Is.False);
        Assert.That(decision.Total, Is.EqualTo(999.99m));
        Assert.That(decision.Currency, Is.EqualTo("EUR"));
    }

    [Test]
    public void Merge_TotalExactlyAtThreshold_NeedsNoApproval() =>
        Assert.That(Merger.Merge(Inputs(1000m)).NeedsApproval, Is.False);

    [Test]
    public void Merge_TotalOverThreshold_NeedsApproval()
    {
        var decision = Merger.Merge(Inputs(1000.01m));

        Assert.That(decision.NeedsApproval, Is.True);
        Assert.That(decision.Reasons, Has.Some.Contains("exceeds the approval threshold"));
    }

    [Test]
    public void Merge_AnyPolicyFlag_NeedsApproval()
    {
        var decision = Merger.Merge(Inputs(10m, flags: new PolicyFlag(PolicyFlag.BlockedVendor, "blocked")));

        Assert.That(decision.NeedsApproval, Is.True);
        Assert.That(decision.Flags.Single().Code, Is.EqualTo(PolicyFlag.BlockedVendor));
    }

    [Test]
    public void Merge_InvalidRequest_IsAutoRejectedNotSentForApproval()
    {
        var decision = Merger.Merge(Inputs(5000m, valid: false));

        Assert.That(decision.AutoReject, Is.True);
        Assert.That(decision.NeedsApproval, Is.False);
        Assert.That(decision.Reasons, Has.Some.Contains("input.vendor"));
    }

    [Test]
    public void Merge_OverBudget_IsAutoRejected()
    {
        var decision = Merger.Merge(Inputs(10m, withinBudget: false));

        Assert.That(decision.AutoReject, Is.True);
        Assert.That(decision.Reasons, Has.Some.Contains("over budget"));
    }

    [Test]
    public void Merge_FailedBranch_IsAutoRejectedWithItsCause()
    {
        var decision = Merger.Merge(new DecisionInputs { Validation = ValidationReport.Ok, Failures = ["BusinessRuleException: currency unknown"] });

        Assert.That(decision.AutoReject, Is.True);
        Assert.That(decision.Reasons, Has.Some.Contains("currency unknown"));
    }

    [Test]
    public void Merge_MissingResults_AreAutoRejected() =>
        Assert.That(Merger.Merge(new DecisionInputs()).AutoReject, Is.True);
}
