using System.Text.Json.Nodes;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Steps;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Infrastructure;

public class BusinessMetricsTests
{
    private static IEnumerable<JsonObject> MetricLines(StringWriter log) =>
        log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(line => line.ContainsKey("_aws"));

    private static IEnumerable<string> Emitted(StringWriter log) =>
        MetricLines(log).SelectMany(line => line["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.AsArray().Select(m => (string)m!["Name"]!));

    [Test]
    public void Line_IsEmbeddedMetricFormat_WithNamespaceDimensionsUnitsAndValues()
    {
        var output = new StringWriter();
        var metrics = new BusinessMetrics(output, new ManualClock(TestApp.Start), "workflow", "dev");

        metrics.Emit("FinalizeHandler", "job-1", null, (BusinessMetrics.JobsSucceeded, 1), (BusinessMetrics.EndToEndDuration, 1500));

        var line = JsonNode.Parse(output.ToString())!.AsObject();
        var directive = line["_aws"]!["CloudWatchMetrics"]![0]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((long)line["_aws"]!["Timestamp"]!, Is.EqualTo(TestApp.Start.ToUnixTimeMilliseconds()));
            Assert.That((string?)directive["Namespace"], Is.EqualTo("Workflow"));
            Assert.That(directive["Dimensions"]!.ToJsonString(), Is.EqualTo("""[["Service","Stage"]]"""));
            Assert.That(directive["Metrics"]!.ToJsonString(),
                Is.EqualTo("""[{"Name":"JobsSucceeded","Unit":"Count"},{"Name":"EndToEndDuration","Unit":"Milliseconds"}]"""));
            Assert.That((string?)line["Service"], Is.EqualTo("workflow"));
            Assert.That((string?)line["Stage"], Is.EqualTo("dev"));
            Assert.That((string?)line["jobId"], Is.EqualTo("job-1"));
            Assert.That((double)line["JobsSucceeded"]!, Is.EqualTo(1));
            Assert.That((double)line["EndToEndDuration"]!, Is.EqualTo(1500));
        }
    }

    [Test]
    public void UnknownMetric_IsRefused_SoTheDashboardCannotMissIt()
    {
        var metrics = new BusinessMetrics(new StringWriter(), TimeProvider.System, "workflow", "dev");

        Assert.Throws<ArgumentException>(() => metrics.Count("JobsSubmittedTypo", "f", null));
    }

    [Test]
    public async Task ApprovedRequest_EmitsSubmittedRequestedDecidedWaitSucceededAndDuration()
    {
        var app = await TestApp.StartAsync();
        var jobId = await app.AwaitingApprovalAsync("client-a");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await TestApp.InvokeAsync(new Workflow.Functions.Api.DecideApprovalHandler(app.Dependencies).HandleAsync,
            ApiRequests.Post($"/jobs/{jobId}/approval", """{"decision":"APPROVE"}""", "boss", "[approvers]", pathParameters: ApiRequests.Id(jobId)));
        await TestApp.InvokeStepAsync(new FinalizeHandler(app.Dependencies).HandleAsync, new JsonObject { ["jobId"] = jobId }.ToJsonString());

        var wait = MetricLines(app.Log).Single(l => l.ContainsKey(BusinessMetrics.ApprovalWaitTime));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Emitted(app.Log), Is.SupersetOf(new[]
            {
                BusinessMetrics.JobsSubmitted, BusinessMetrics.ApprovalsRequested, BusinessMetrics.ApprovalsDecided,
                BusinessMetrics.ApprovalWaitTime, BusinessMetrics.JobsSucceeded, BusinessMetrics.EndToEndDuration,
            }));
            Assert.That((double)wait[BusinessMetrics.ApprovalWaitTime]!, Is.EqualTo(TimeSpan.FromMinutes(30).TotalMilliseconds));
            Assert.That((double)wait[BusinessMetrics.JobsRejected]!, Is.Zero);
            Assert.That((string?)wait["jobId"], Is.EqualTo(jobId));
        }
    }

    [Test]
    public async Task FailedStep_CountsAStepError_ButABusinessRejectionDoesNot()
    {
        var app = await TestApp.StartAsync();
        var missing = "0123456789abcdef0123456789abcdef";

        Assert.That(async () => await new FinalizeHandler(app.Dependencies).HandleAsync(TestApp.Stream(new JsonObject { ["jobId"] = missing }.ToJsonString())),
            Throws.InstanceOf<Domain.BusinessRuleException>());
        var broken = app.DependenciesWith(new Unavailable(app.Store));
        Assert.That(async () => await new FinalizeHandler(broken).HandleAsync(TestApp.Stream(new JsonObject { ["jobId"] = missing }.ToJsonString())),
            Throws.InstanceOf<Domain.TransientDependencyException>());

        var errors = MetricLines(app.Log).Where(l => l.ContainsKey(BusinessMetrics.StepErrors)).ToList();
        Assert.That(errors.Select(e => (string?)e["detail"]), Is.EqualTo(new[] { "TransientDependencyException" }));
    }

    private sealed class Unavailable(Domain.IJobStore inner) : DelegatingJobStore(inner)
    {
        public override Task<Domain.JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
            throw new Domain.TransientDependencyException("DynamoDB is unavailable (test).");
    }
}
