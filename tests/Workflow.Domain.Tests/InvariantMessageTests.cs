using System.Globalization;
using Workflow.Domain;

namespace Workflow.Domain.Tests;

/// <summary>Amounts in reasons and field errors read the same whatever culture the host process runs under.</summary>
[NonParallelizable]
public class InvariantMessageTests
{
    private CultureInfo saved = null!;

    [SetUp]
    public void UseCommaDecimalCulture()
    {
        saved = CultureInfo.CurrentCulture;
        // A cloned invariant culture works even with InvariantGlobalization, unlike a named one such as de-DE.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
    }

    [TearDown]
    public void RestoreCulture() => CultureInfo.CurrentCulture = saved;

    private static PriceQuote Quote(decimal total) => new("EUR", total, 0m, total, []);

    [Test]
    public void BudgetReason_UsesAPointForDecimals() =>
        Assert.That(BudgetChecker.Check(new BudgetRecord("CC-1", "EUR", 1000m, 400.5m), "CC-1", Quote(600.01m)).Reason,
            Does.Contain("total 600.01 EUR").And.Contain("budget 599.5 EUR"));

    [Test]
    public void ApprovalThresholdReason_UsesAPointForDecimals() =>
        Assert.That(new DecisionMerger(999.5m).Merge(new DecisionInputs { Price = Quote(1234.56m) }).Reasons,
            Has.Some.Contains("total 1234.56 EUR exceeds the approval threshold 999.5"));

    [Test]
    public void SplitPurchaseMessage_UsesAPointForDecimals()
    {
        var settings = new PolicySettings { ApprovalThreshold = 1000.5m };
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var history = new[]
        {
            new RequestHistoryEntry("a", "alice", "ACME Ltd", "EUR", 950.25m, now.AddDays(-1), JobStatus.Succeeded),
            new RequestHistoryEntry("b", "alice", "ACME Ltd", "EUR", 900.25m, now.AddDays(-2), JobStatus.Succeeded),
        };

        var result = new PolicyChecker(settings).Check("job", new PurchaseRequest("alice", "CC-1", "ACME Ltd", "EUR", [new PurchaseLine("x", 1m, 1m)]), Quote(990.5m), history, now);

        Assert.That(result.Flags.Single().Message, Does.Contain("threshold 1000.5").And.Contain("combined 2841.00 EUR"));
    }
}
