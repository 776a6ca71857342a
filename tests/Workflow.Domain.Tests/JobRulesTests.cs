using Workflow.Domain;

namespace Workflow.Domain.Tests;

public class JobTransitionTests
{
    [TestCase(JobStatus.Accepted, JobStatus.Running)]
    [TestCase(JobStatus.Accepted, JobStatus.Cancelled)]
    [TestCase(JobStatus.Running, JobStatus.AwaitingApproval)]
    [TestCase(JobStatus.Running, JobStatus.Succeeded)]
    [TestCase(JobStatus.Running, JobStatus.Rejected)]
    [TestCase(JobStatus.Running, JobStatus.Failed)]
    [TestCase(JobStatus.AwaitingApproval, JobStatus.Running)]
    [TestCase(JobStatus.AwaitingApproval, JobStatus.Rejected)]
    [TestCase(JobStatus.AwaitingApproval, JobStatus.Cancelled)]
    public void CanTransition_AllowedChange_IsTrue(JobStatus from, JobStatus to) =>
        Assert.That(JobTransitions.CanTransition(from, to), Is.True);

    [TestCase(JobStatus.Accepted, JobStatus.Succeeded)]
    [TestCase(JobStatus.Accepted, JobStatus.AwaitingApproval)]
    [TestCase(JobStatus.Running, JobStatus.Accepted)]
    [TestCase(JobStatus.AwaitingApproval, JobStatus.Succeeded)]
    public void CanTransition_SkippingOrBackwardChange_IsFalse(JobStatus from, JobStatus to) =>
        Assert.That(JobTransitions.CanTransition(from, to), Is.False);

    [Test]
    public void TerminalStatuses_NeverChange()
    {
        var terminal = new[] { JobStatus.Succeeded, JobStatus.Failed, JobStatus.Rejected, JobStatus.Cancelled };
        foreach (var from in terminal)
        {
            Assert.That(from.IsTerminal(), Is.True);
            Assert.That(Enum.GetValues<JobStatus>().Where(to => JobTransitions.CanTransition(from, to)), Is.Empty);
        }
    }

    [Test]
    public void EnsureAllowed_RefusedChange_ThrowsBusinessRuleNamingBothStatuses() =>
        Assert.That(() => JobTransitions.EnsureAllowed(JobStatus.Succeeded, JobStatus.Running),
            Throws.TypeOf<BusinessRuleException>().With.Message.Contains("SUCCEEDED").And.Message.Contains("RUNNING"));

    [Test]
    public void WireNames_RoundTrip()
    {
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            Assert.That(JobStatusNames.Parse(status.ToWire()), Is.EqualTo(status));
        }

        Assert.That(JobStatus.AwaitingApproval.ToWire(), Is.EqualTo("AWAITING_APPROVAL"));
        Assert.That(JobStatusNames.TryParse("awaiting_approval", out _), Is.False);
    }
}

public class CancelRulesTests
{
    [TestCase(JobStatus.Accepted, CancelAction.MarkCancelled)]
    [TestCase(JobStatus.Running, CancelAction.StopExecutionThenMarkCancelled)]
    [TestCase(JobStatus.AwaitingApproval, CancelAction.StopExecutionThenMarkCancelled)]
    [TestCase(JobStatus.Cancelled, CancelAction.AlreadyCancelled)]
    [TestCase(JobStatus.Succeeded, CancelAction.Finished)]
    [TestCase(JobStatus.Failed, CancelAction.Finished)]
    [TestCase(JobStatus.Rejected, CancelAction.Finished)]
    public void Decide_ByStatus(JobStatus status, CancelAction expected) =>
        Assert.That(CancelRules.Decide(status), Is.EqualTo(expected));
}

public class ApprovalRulesTests
{
    private static readonly ApprovalRules Rules = new("approvers");

    private static JobRecord Job(JobStatus status = JobStatus.AwaitingApproval, string clientId = "client-1") => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        Type = JobTypes.PurchaseRequest,
        ClientId = clientId,
        Status = status,
        InputJson = "{}",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly Caller Approver = new("approver-1", ["staff", "approvers"], "boss@example.com");

    [Test]
    public void Evaluate_ApproverOnAwaitingJob_IsAllowed() =>
        Assert.That(Rules.Evaluate(Approver, Job(), "alice@example.com"), Is.EqualTo(ApprovalVerdict.Allowed));

    [Test]
    public void Evaluate_CallerWithoutApproverGroup_IsNotApprover() =>
        Assert.That(Rules.Evaluate(new Caller("x", ["staff"]), Job(), "alice"), Is.EqualTo(ApprovalVerdict.NotApprover));

    [Test]
    public void Evaluate_ApproverWhoSubmittedTheJob_IsOwnRequest() =>
        Assert.That(Rules.Evaluate(Approver, Job(clientId: "approver-1"), "someone"), Is.EqualTo(ApprovalVerdict.OwnRequest));

    [Test]
    public void Evaluate_ApproverNamedAsRequester_IsOwnRequest() =>
        Assert.That(Rules.Evaluate(Approver, Job(), " BOSS@example.com "), Is.EqualTo(ApprovalVerdict.OwnRequest));

    [TestCase(JobStatus.Running)]
    [TestCase(JobStatus.Succeeded)]
    [TestCase(JobStatus.Accepted)]
    public void Evaluate_JobNotAwaitingApproval_IsRefused(JobStatus status) =>
        Assert.That(Rules.Evaluate(Approver, Job(status), "alice"), Is.EqualTo(ApprovalVerdict.NotAwaitingApproval));

    [Test]
    public void OutcomeFor_MapsDecisionWords()
    {
        Assert.That(ApprovalRules.OutcomeFor("APPROVE"), Is.EqualTo(ApprovalRecord.Approved));
        Assert.That(ApprovalRules.OutcomeFor("REJECT"), Is.EqualTo(ApprovalRecord.Rejected));
        Assert.That(() => ApprovalRules.OutcomeFor("MAYBE"), Throws.ArgumentException);
    }
}

public class PurchaseOrderNumberTests
{
    [Test]
    public void For_UsesCreationDateAndFirstEightIdCharacters() =>
        Assert.That(PurchaseOrderNumber.For("3f2a9c1b7d6e4f00aa11bb22cc33dd44", new DateTimeOffset(2026, 1, 31, 23, 59, 0, TimeSpan.FromHours(-5))),
            Is.EqualTo("PO-20260201-3F2A9C1B"));

    [Test]
    public void For_SameJob_IsDeterministic()
    {
        var created = DateTimeOffset.Parse("2026-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var first = PurchaseOrderNumber.For("abcdef0123456789", created);
        var retried = PurchaseOrderNumber.For("abcdef0123456789", created);

        Assert.That(retried, Is.EqualTo(first).And.EqualTo("PO-20260501-ABCDEF01"));
    }

    [Test]
    public void For_TooShortId_Throws() =>
        Assert.That(() => PurchaseOrderNumber.For("abc", DateTimeOffset.UnixEpoch), Throws.TypeOf<BusinessRuleException>());
}

public class RequestFingerprintTests
{
    [Test]
    public void Compute_SameBodyDifferentFormattingAndKeyOrder_IsEqual() =>
        Assert.That(RequestFingerprint.Compute(Requests.Json("""{"a":1,"b":[1,{"y":2,"x":"é"}]}""")),
            Is.EqualTo(RequestFingerprint.Compute(Requests.Json("""{ "b" : [ 1 , { "x":"\u00e9", "y":2 } ], "a" : 1 }"""))));

    [Test]
    public void Compute_DifferentValue_Differs() =>
        Assert.That(RequestFingerprint.Compute(Requests.Json("""{"a":1}""")), Is.Not.EqualTo(RequestFingerprint.Compute(Requests.Json("""{"a":2}"""))));

    [TestCase("", "must not be empty")]
    [TestCase("has space", "printable ASCII")]
    [TestCase("ключ", "printable ASCII")]
    public void IdempotencyKey_Problem(string key, string expected) =>
        Assert.That(IdempotencyKeys.Problem(key), Does.Contain(expected));

    [Test]
    public void IdempotencyKey_Uuid_IsFine() =>
        Assert.That(IdempotencyKeys.Problem(Guid.NewGuid().ToString()), Is.Null);
}

public class ValidatorTests
{
    private static readonly PurchaseRequestValidator Validator = new(new PricingCalculator(TaxRateTable.Default));

    [Test]
    public void Validate_ValidRequest_IsValid() =>
        Assert.That(Validator.Validate(Requests.Json(Requests.ValidJson())).Valid, Is.True);

    [Test]
    public void Validate_ZeroTotal_IsInvalid()
    {
        var report = Validator.Validate(Requests.Json(Requests.ValidJson(lines: """[{"description":"free","quantity":1,"unitPrice":0}]""")));

        Assert.That(report.Valid, Is.False);
        Assert.That(report.Errors.Single().Message, Does.Contain("greater than zero"));
    }

    [Test]
    public void Validate_RepeatedLine_IsInvalidNamingTheLines()
    {
        var report = Validator.Validate(Requests.Json(Requests.ValidJson(lines: """[{"description":"Pen","quantity":1,"unitPrice":2},{"description":"pen","quantity":3,"unitPrice":2}]""")));

        Assert.That(report.Valid, Is.False);
        Assert.That(report.Errors.Single().Message, Does.Contain("lines 0, 1"));
    }

    [Test]
    public void Validate_FieldErrors_AreReported() =>
        Assert.That(Validator.Validate(Requests.Json("""{"requester":"a"}""")).Errors, Has.Count.EqualTo(4));
}
