using System.Text.Json.Nodes;
using Workflow.Domain;
using Workflow.Functions.Steps;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Steps;

public class StepHandlerTests
{
    private TestApp app = null!;

    [SetUp]
    public async Task StartAsync() => app = await TestApp.StartAsync();

    /// <summary>What the RunChecks Parallel state hands each branch.</summary>
    private static string Payload(string jobId, JsonObject? input, string clientId = "client-a")
    {
        var payload = new JsonObject { ["jobId"] = jobId, ["clientId"] = clientId, ["executionId"] = "arn:aws:states:us-east-1:1:execution:sm:run" };
        if (input is not null)
        {
            payload["input"] = input;
        }

        return payload.ToJsonString();
    }

    private const string AnyJobId = "0123456789abcdef0123456789abcdef";

    [Test]
    public async Task ValidateRequest_ValidInput_ReturnsValid()
    {
        var result = await TestApp.InvokeStepAsync(new ValidateRequestHandler(app.Dependencies).HandleAsync, Payload(AnyJobId, TestApp.Input()));

        Assert.That(result!["valid"]!.GetValue<bool>(), Is.True);
        Assert.That(result["errors"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ValidateRequest_InvalidInput_ReturnsErrorsInsteadOfThrowing()
    {
        var input = TestApp.Input(unitPrice: 0m);

        var result = await TestApp.InvokeStepAsync(new ValidateRequestHandler(app.Dependencies).HandleAsync, Payload(AnyJobId, input));

        Assert.That(result!["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(result["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("input.lines"));
    }

    [Test]
    public async Task ValidateRequest_WithoutInput_LoadsTheStoredJob()
    {
        var jobId = await app.SubmitAsync("client-a");

        var result = await TestApp.InvokeStepAsync(new ValidateRequestHandler(app.Dependencies).HandleAsync, Payload(jobId, null));

        Assert.That(result!["valid"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task PriceRequest_ReturnsRoundedTotalsPerLine()
    {
        var input = TestApp.Input(currency: "KWD");
        input["lines"] = new JsonArray(new JsonObject { ["description"] = "cable", ["quantity"] = 3, ["unitPrice"] = 1.2345m });

        var result = await TestApp.InvokeStepAsync(new PriceRequestHandler(app.Dependencies).HandleAsync, Payload(AnyJobId, input));

        Assert.That(result!["currency"]!.GetValue<string>(), Is.EqualTo("KWD"));
        Assert.That(result["subtotal"]!.GetValue<decimal>(), Is.EqualTo(3.704m));
        Assert.That(result["tax"]!.GetValue<decimal>(), Is.EqualTo(0.741m));
        Assert.That(result["total"]!.GetValue<decimal>(), Is.EqualTo(4.445m));
        Assert.That(result["lines"]![0]!["gross"]!.GetValue<decimal>(), Is.EqualTo(4.445m));
    }

    [Test]
    public void PriceRequest_UnpriceableInput_ThrowsBusinessRuleException()
    {
        var input = TestApp.Input(currency: "XXX");

        var ex = Assert.ThrowsAsync<BusinessRuleException>(() => new PriceRequestHandler(app.Dependencies).HandleAsync(TestApp.Stream(Payload(AnyJobId, input))));

        Assert.That(ex!.Message, Does.Contain("input.currency"));
        Assert.That(app.Log.ToString(), Does.Contain("\"level\":\"WARN\"").And.Contain(AnyJobId));
    }

    [Test]
    public void Step_PayloadWithoutJobId_ThrowsBusinessRuleException() =>
        Assert.ThrowsAsync<BusinessRuleException>(() => new ValidateRequestHandler(app.Dependencies).HandleAsync(TestApp.Stream("""{"input":{}}""")));

    [Test]
    public async Task CheckBudget_WithinRemainingBudget_Passes()
    {
        await app.Store.PutBudgetAsync(new BudgetRecord("CC-100", "EUR", 10_000m, 9_000m), CancellationToken.None);

        var result = await TestApp.InvokeStepAsync(new CheckBudgetHandler(app.Dependencies).HandleAsync, Payload(AnyJobId, TestApp.Input(unitPrice: 500m)));

        Assert.That(result!["withinBudget"]!.GetValue<bool>(), Is.True);
        Assert.That(result["remaining"]!.GetValue<decimal>(), Is.EqualTo(1000m));
        Assert.That(result["required"]!.GetValue<decimal>(), Is.EqualTo(600m));
    }

    [Test]
    public async Task CheckBudget_OverBudgetOrNoBudget_FailsWithReason()
    {
        await app.Store.PutBudgetAsync(new BudgetRecord("CC-100", "EUR", 1_000m, 900m), CancellationToken.None);

        var over = await TestApp.InvokeStepAsync(new CheckBudgetHandler(app.Dependencies).HandleAsync, Payload(AnyJobId, TestApp.Input(unitPrice: 500m)));
        var none = await TestApp.InvokeStepAsync(new CheckBudgetHandler(app.Dependencies).HandleAsync, Payload(AnyJobId, TestApp.Input(costCentre: "CC-404")));

        Assert.That(over!["withinBudget"]!.GetValue<bool>(), Is.False);
        Assert.That(over["reason"]!.GetValue<string>(), Does.Contain("exceeds the remaining budget"));
        Assert.That(none!["withinBudget"]!.GetValue<bool>(), Is.False);
        Assert.That(none["reason"]!.GetValue<string>(), Does.Contain("CC-404"));
    }

    [Test]
    public async Task CheckBudget_NoRecordButDefaultBudgetConfigured_UsesTheDefault()
    {
        var configured = await TestApp.StartAsync(s => s with { DefaultBudget = new BudgetRecord("*", "EUR", 50_000m, 0m) });

        var result = await TestApp.InvokeStepAsync(new CheckBudgetHandler(configured.Dependencies).HandleAsync, Payload(AnyJobId, TestApp.Input(costCentre: "CC-NEW")));

        Assert.That(result!["withinBudget"]!.GetValue<bool>(), Is.True);
        Assert.That(result["costCentre"]!.GetValue<string>(), Is.EqualTo("CC-NEW"));
        Assert.That(result["remaining"]!.GetValue<decimal>(), Is.EqualTo(50_000m));
    }

    [Test]
    public async Task CheckPolicy_BlockedVendor_IsFlagged()
    {
        var result = await TestApp.InvokeStepAsync(new CheckPolicyHandler(app.Dependencies).HandleAsync, Payload(AnyJobId, TestApp.Input(vendor: "blocked vendor inc")));

        Assert.That(result!["flags"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("BLOCKED_VENDOR"));
    }

    [Test]
    public async Task CheckPolicy_RequestsJustUnderThresholdFromStoredHistory_AreASplitPurchase()
    {
        // Threshold 1000: 700 + 20 % tax = 840 and 750 → 900 are both in the 800..1000 band.
        await app.SubmitAsync("client-a", TestApp.Body(700m));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var current = await app.SubmitAsync("client-a", TestApp.Body(750m));

        var result = await TestApp.InvokeStepAsync(new CheckPolicyHandler(app.Dependencies).HandleAsync, Payload(current, TestApp.Input(750m)));

        var flag = result!["flags"]!.AsArray().Single()!;
        Assert.That(flag["code"]!.GetValue<string>(), Is.EqualTo("SPLIT_PURCHASE"));
        Assert.That(flag["message"]!.GetValue<string>(), Does.Contain("2 requests"));
    }

    [Test]
    public async Task CheckPolicy_HistoryOfAnotherClient_DoesNotCount()
    {
        await app.SubmitAsync("client-b", TestApp.Body(700m));
        var current = await app.SubmitAsync("client-a", TestApp.Body(750m));

        var result = await TestApp.InvokeStepAsync(new CheckPolicyHandler(app.Dependencies).HandleAsync, Payload(current, TestApp.Input(750m)));

        Assert.That(result!["flags"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task MergeDecision_CleanResultsUnderThreshold_ProceedsWithoutApproval()
    {
        var results = await RunChecksAsync(TestApp.Input(100m));

        var decision = await MergeAsync(results);

        Assert.That(decision!["needsApproval"]!.GetValue<bool>(), Is.False);
        Assert.That(decision["autoReject"]!.GetValue<bool>(), Is.False);
        Assert.That(decision["total"]!.GetValue<decimal>(), Is.EqualTo(120m));
        Assert.That(decision["currency"]!.GetValue<string>(), Is.EqualTo("EUR"));
    }

    [Test]
    public async Task MergeDecision_OverThreshold_NeedsApproval()
    {
        var results = await RunChecksAsync(TestApp.Input(2000m));

        var decision = await MergeAsync(results);

        Assert.That(decision!["needsApproval"]!.GetValue<bool>(), Is.True);
        Assert.That(decision["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Has.Some.Contains("approval threshold"));
    }

    [Test]
    public async Task MergeDecision_ThresholdFromThePayload_WinsOverTheEnvironment()
    {
        var results = await RunChecksAsync(TestApp.Input(2000m));

        var decision = await MergeAsync(results, approvalThreshold: 5000m);

        Assert.That(decision!["needsApproval"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task MergeDecision_CaughtBranchError_AutoRejectsWithTheCause()
    {
        var results = await RunChecksAsync(TestApp.Input(100m));
        results[1] = JsonNode.Parse("""{"Error":"BusinessRuleException","Cause":"{\"errorMessage\":\"Currency 'XXX' is not an ISO 4217 currency.\",\"errorType\":\"BusinessRuleException\"}"}""");

        var decision = await MergeAsync(results);

        Assert.That(decision!["autoReject"]!.GetValue<bool>(), Is.True);
        Assert.That(decision["needsApproval"]!.GetValue<bool>(), Is.False);
        Assert.That(decision["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Has.Some.Contains("Currency 'XXX' is not an ISO 4217 currency."));
    }

    [Test]
    public async Task MergeDecision_InvalidRequest_AutoRejects()
    {
        var results = await RunChecksAsync(TestApp.Input(100m));
        results[0] = JsonNode.Parse("""{"valid":false,"errors":[{"field":"input.vendor","message":"is required"}]}""");

        var decision = await MergeAsync(results);

        Assert.That(decision!["autoReject"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task RequestApproval_StoresTokenMarksAwaitingAndPublishesWithoutToken()
    {
        var jobId = await app.SubmitAsync("client-a", TestApp.Body(5000m));
        await app.ClaimAsync(jobId);
        var payload = new JsonObject
        {
            ["taskToken"] = "AQCEAAAAKgAAA-secret",
            ["jobId"] = jobId,
            ["decision"] = new JsonObject { ["needsApproval"] = true, ["autoReject"] = false, ["total"] = 6000, ["currency"] = "EUR", ["reasons"] = new JsonArray("over") },
            ["executionId"] = "arn:aws:states:us-east-1:1:execution:sm:run",
        };

        await TestApp.InvokeStepAsync(new RequestApprovalHandler(app.Dependencies).HandleAsync, payload.ToJsonString());

        var job = await app.JobAsync(jobId);
        Assert.That(job.Status, Is.EqualTo(JobStatus.AwaitingApproval));
        Assert.That(JsonNode.Parse(job.DecisionJson!)!["total"]!.GetValue<int>(), Is.EqualTo(6000));
        Assert.That(await app.Store.GetTaskTokenAsync(jobId, CancellationToken.None), Is.EqualTo("AQCEAAAAKgAAA-secret"));
        var evt = app.Events.Published.Single(e => e.DetailType == JobEvent.ApprovalRequested);
        Assert.That(evt.DetailJson, Does.Contain(jobId).And.Not.Contain("AQCEAAAAKgAAA-secret"));
        Assert.That(app.Log.ToString(), Does.Contain(jobId).And.Not.Contain("AQCEAAAAKgAAA-secret"),
            "whoever reads the logs must not be able to complete the approval task");
    }

    [Test]
    public async Task RequestApproval_FailedStep_LogsNoTaskToken()
    {
        var jobId = await app.SubmitAsync("client-a");
        await app.Store.TryTransitionAsync(jobId, JobStatus.Accepted, JobStatus.Cancelled, app.Clock.GetUtcNow(), null, CancellationToken.None);

        Assert.ThrowsAsync<BusinessRuleException>(() => new RequestApprovalHandler(app.Dependencies).HandleAsync(
            TestApp.Stream(new JsonObject { ["taskToken"] = "AQCEAAAAKgAAA-failing-secret", ["jobId"] = jobId }.ToJsonString())));

        Assert.That(app.Log.ToString(), Does.Contain("step failed").And.Not.Contain("AQCEAAAAKgAAA-failing-secret"));
    }

    [Test]
    public async Task RequestApproval_EventCarriesWhatApproversAreToldAndWhenTheWaitEnds()
    {
        var jobId = await app.SubmitAsync("client-a", TestApp.Body(5000m, vendor: "Globex", requester: "Alice Example", costCentre: "CC-7"));
        await app.ClaimAsync(jobId);
        var payload = new JsonObject
        {
            ["taskToken"] = "token",
            ["jobId"] = jobId,
            ["decision"] = new JsonObject { ["needsApproval"] = true, ["autoReject"] = false, ["total"] = 6000, ["currency"] = "EUR", ["reasons"] = new JsonArray("over") },
            ["approvalTimeoutSeconds"] = 3600,
        };

        await TestApp.InvokeStepAsync(new RequestApprovalHandler(app.Dependencies).HandleAsync, payload.ToJsonString());

        var detail = app.Events.Details(JobEvent.ApprovalRequested).Single();
        var job = await app.JobAsync(jobId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)detail["requester"], Is.EqualTo("Alice Example"));
            Assert.That((string?)detail["requesterEmail"], Is.EqualTo("client-a@example.com"), "the e-mail claim of the submitter's token");
            Assert.That((string?)detail["vendor"], Is.EqualTo("Globex"));
            Assert.That((string?)detail["costCentre"], Is.EqualTo("CC-7"));
            Assert.That((int?)detail["total"], Is.EqualTo(6000));
            Assert.That((string?)detail["currency"], Is.EqualTo("EUR"));
            Assert.That((string?)detail["dueAt"], Is.EqualTo(Timestamps.ToWire(app.Clock.GetUtcNow().AddHours(1))));
            Assert.That(job.ApprovalRequestedAt, Is.EqualTo(app.Clock.GetUtcNow()));
            Assert.That(job.ApprovalDueAt, Is.EqualTo(app.Clock.GetUtcNow().AddHours(1)));
        }
    }

    [Test]
    public async Task RequestApproval_Retried_KeepsTheFirstDueTime()
    {
        var jobId = await app.SubmitAsync("client-a", TestApp.Body(5000m));
        await app.ClaimAsync(jobId);
        var handler = new RequestApprovalHandler(app.Dependencies);
        var first = app.Clock.GetUtcNow();

        await TestApp.InvokeStepAsync(handler.HandleAsync, new JsonObject { ["taskToken"] = "first", ["jobId"] = jobId, ["approvalTimeoutSeconds"] = 600 }.ToJsonString());
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await TestApp.InvokeStepAsync(handler.HandleAsync, new JsonObject { ["taskToken"] = "second", ["jobId"] = jobId, ["approvalTimeoutSeconds"] = 600 }.ToJsonString());

        var dueTimes = app.Events.Details(JobEvent.ApprovalRequested).Select(d => (string?)d["dueAt"]).ToList();
        Assert.That(dueTimes, Is.EqualTo(new[] { Timestamps.ToWire(first.AddMinutes(10)), Timestamps.ToWire(first.AddMinutes(10)) }));
        Assert.That((await app.JobAsync(jobId)).ApprovalDueAt, Is.EqualTo(first.AddMinutes(10)));
    }

    [Test]
    public async Task RequestApproval_Retried_KeepsWaitingWithTheNewToken()
    {
        var jobId = await app.SubmitAsync("client-a", TestApp.Body(5000m));
        await app.ClaimAsync(jobId);
        var handler = new RequestApprovalHandler(app.Dependencies);

        await TestApp.InvokeStepAsync(handler.HandleAsync, new JsonObject { ["taskToken"] = "first", ["jobId"] = jobId }.ToJsonString());
        await TestApp.InvokeStepAsync(handler.HandleAsync, new JsonObject { ["taskToken"] = "second", ["jobId"] = jobId }.ToJsonString());

        Assert.That(await app.Store.GetTaskTokenAsync(jobId, CancellationToken.None), Is.EqualTo("second"));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.AwaitingApproval));
    }

    [Test]
    public async Task RequestApproval_CancelledJob_ThrowsBusinessRuleException()
    {
        var jobId = await app.SubmitAsync("client-a");
        await app.Store.TryTransitionAsync(jobId, JobStatus.Accepted, JobStatus.Cancelled, app.Clock.GetUtcNow(), null, CancellationToken.None);

        Assert.ThrowsAsync<BusinessRuleException>(() => new RequestApprovalHandler(app.Dependencies).HandleAsync(
            TestApp.Stream(new JsonObject { ["taskToken"] = "t", ["jobId"] = jobId }.ToJsonString())));
    }

    [Test]
    public async Task Finalize_ReturnsDeterministicPurchaseOrderNumberAndCommitsBudgetOnce()
    {
        await app.Store.PutBudgetAsync(new BudgetRecord("CC-100", "EUR", 10_000m, 0m), CancellationToken.None);
        var jobId = await app.SubmitAsync("client-a", TestApp.Body(100m));
        await app.ClaimAsync(jobId);
        var payload = new JsonObject { ["jobId"] = jobId, ["decision"] = new JsonObject { ["total"] = 120 } }.ToJsonString();

        var first = await TestApp.InvokeStepAsync(new FinalizeHandler(app.Dependencies).HandleAsync, payload);
        var retry = await TestApp.InvokeStepAsync(new FinalizeHandler(app.Dependencies).HandleAsync, payload);

        var expected = $"PO-20260302-{jobId[..8].ToUpperInvariant()}";
        Assert.That(first!["purchaseOrderNumber"]!.GetValue<string>(), Is.EqualTo(expected));
        Assert.That(retry!["purchaseOrderNumber"]!.GetValue<string>(), Is.EqualTo(expected));
        Assert.That((await app.Store.GetBudgetAsync("CC-100", CancellationToken.None))!.Committed, Is.EqualTo(120m));
    }

    [Test]
    public async Task RepublishAccepted_OnlyStaleAcceptedJobs_AreRepublishedOnce()
    {
        var stale = await app.SubmitAsync("client-a");
        var running = await app.SubmitAsync("client-a");
        await app.ClaimAsync(running);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var fresh = await app.SubmitAsync("client-a");
        var before = app.Events.Published.Count;

        var result = await TestApp.InvokeStepAsync(new Workflow.Functions.Maintenance.RepublishAcceptedHandler(app.Dependencies).HandleAsync, "{}");
        var again = await TestApp.InvokeStepAsync(new Workflow.Functions.Maintenance.RepublishAcceptedHandler(app.Dependencies).HandleAsync, "{}");

        Assert.That(result!["jobIds"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { stale }));
        Assert.That(again!["republished"]!.GetValue<int>(), Is.Zero, "a republished job is not stale again until STALE_AFTER_SECONDS passes");
        var republished = app.Events.Published.Skip(before).Select(e => JsonNode.Parse(e.DetailJson)!["jobId"]!.GetValue<string>());
        Assert.That(republished, Is.EqualTo(new[] { stale }));
        Assert.That(fresh, Is.Not.EqualTo(stale));
    }

    private async Task<JsonNode?[]> RunChecksAsync(JsonObject input)
    {
        var payload = Payload(AnyJobId, input);
        var deps = app.Dependencies;
        await app.Store.PutBudgetAsync(new BudgetRecord("CC-100", "EUR", 1_000_000m, 0m), CancellationToken.None);
        return
        [
            await TestApp.InvokeStepAsync(new ValidateRequestHandler(deps).HandleAsync, payload),
            await TestApp.InvokeStepAsync(new PriceRequestHandler(deps).HandleAsync, payload),
            await TestApp.InvokeStepAsync(new CheckBudgetHandler(deps).HandleAsync, payload),
            await TestApp.InvokeStepAsync(new CheckPolicyHandler(deps).HandleAsync, payload),
        ];
    }

    private Task<JsonNode?> MergeAsync(JsonNode?[] results, decimal? approvalThreshold = null)
    {
        var payload = new JsonObject
        {
            ["jobId"] = AnyJobId,
            ["results"] = new JsonArray(results.Select(r => r?.DeepClone()).ToArray()),
        };
        if (approvalThreshold is not null)
        {
            payload["approvalThreshold"] = approvalThreshold;
        }

        return TestApp.InvokeStepAsync(new MergeDecisionHandler(app.Dependencies).HandleAsync, payload.ToJsonString());
    }
}
