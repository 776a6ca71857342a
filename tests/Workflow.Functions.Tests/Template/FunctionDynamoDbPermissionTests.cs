using System.Text.Json.Nodes;
using Workflow.Functions.Api;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Maintenance;
using Workflow.Functions.Steps;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Template;

/// <summary>
/// Each function's DynamoDB permissions in template.yaml are exactly the actions (and table or index) its code calls:
/// every function runs its normal and its recovery paths against a recording client, and the recorded calls are
/// compared with the template's statements. A missing action fails on AWS with AccessDenied; an extra one (such as the
/// Scan, BatchWriteItem and DeleteItem that DynamoDBCrudPolicy used to grant) is access nobody needs.
/// </summary>
public class FunctionDynamoDbPermissionTests
{
    private const string Approvers = "[approvers]";
    private static readonly Dictionary<string, Func<TestApp, FunctionDependencies, Task>> Scenarios = new(StringComparer.Ordinal)
    {
        ["SubmitJobFunction"] = async (app, recorded) =>
        {
            var handler = new SubmitJobHandler(recorded);
            var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "order-1" };
            await TestApp.InvokeAsync(handler.HandleAsync, ApiRequests.Post("/jobs", TestApp.Body(), "client-a", headers: headers));
            await TestApp.InvokeAsync(handler.HandleAsync, ApiRequests.Post("/jobs", TestApp.Body(), "client-a", headers: headers));
        },
        ["GetJobFunction"] = async (app, recorded) =>
        {
            var jobId = await app.SubmitAsync("client-a");
            await TestApp.InvokeAsync(new GetJobHandler(recorded).HandleAsync, ApiRequests.Get($"/jobs/{jobId}", "client-a", pathParameters: ApiRequests.Id(jobId)));
        },
        ["ListJobsFunction"] = async (app, recorded) =>
        {
            await app.SubmitAsync("client-a");
            await TestApp.InvokeAsync(new ListJobsHandler(recorded).HandleAsync, ApiRequests.Get("/jobs", "client-a"));
        },
        ["CancelJobFunction"] = async (app, recorded) =>
        {
            var accepted = await app.SubmitAsync("client-a");
            var awaiting = await app.AwaitingApprovalAsync("client-a");
            var handler = new CancelJobHandler(recorded);
            await TestApp.InvokeAsync(handler.HandleAsync, ApiRequests.Post($"/jobs/{accepted}/cancel", null, "client-a", pathParameters: ApiRequests.Id(accepted)));
            await TestApp.InvokeAsync(handler.HandleAsync, ApiRequests.Post($"/jobs/{awaiting}/cancel", null, "client-a", pathParameters: ApiRequests.Id(awaiting)));
        },
        ["ListApprovalsFunction"] = async (app, recorded) =>
        {
            await app.AwaitingApprovalAsync("client-a");
            await TestApp.InvokeAsync(new ListApprovalsHandler(recorded).HandleAsync, ApiRequests.Get("/approvals", "boss", Approvers));
        },
        ["DecideApprovalFunction"] = async (app, recorded) =>
        {
            var approved = await app.AwaitingApprovalAsync("client-a", "token-approved");
            var gone = await app.AwaitingApprovalAsync("client-a", "token-gone");
            var handler = new DecideApprovalHandler(recorded);
            await TestApp.InvokeAsync(handler.HandleAsync, ApiRequests.Post($"/jobs/{approved}/approval", """{"decision":"APPROVE"}""", "boss", Approvers, pathParameters: ApiRequests.Id(approved)));
            app.Workflow.TaskGone = true;
            await TestApp.InvokeAsync(handler.HandleAsync, ApiRequests.Post($"/jobs/{gone}/approval", """{"decision":"APPROVE"}""", "boss", Approvers, pathParameters: ApiRequests.Id(gone)));
        },
        // Serves the console's embedded files and sign-in settings; it gets no FunctionDependencies, so no table access.
        ["ConsoleFunction"] = (app, recorded) => Task.CompletedTask,
        ["ValidateRequestFunction"] = async (app, recorded) =>
            await TestApp.InvokeStepAsync(new ValidateRequestHandler(recorded).HandleAsync, StepPayload(await app.SubmitAsync("client-a"))),
        ["PriceRequestFunction"] = async (app, recorded) =>
            await TestApp.InvokeStepAsync(new PriceRequestHandler(recorded).HandleAsync, StepPayload(await app.SubmitAsync("client-a"))),
        ["CheckBudgetFunction"] = async (app, recorded) =>
            await TestApp.InvokeStepAsync(new CheckBudgetHandler(recorded).HandleAsync, StepPayload(await app.SubmitAsync("client-a"))),
        ["CheckPolicyFunction"] = async (app, recorded) =>
            await TestApp.InvokeStepAsync(new CheckPolicyHandler(recorded).HandleAsync,
                new JsonObject { ["jobId"] = await app.SubmitAsync("client-a") }.ToJsonString()),
        ["MergeDecisionFunction"] = async (app, recorded) =>
        {
            var jobId = await app.SubmitAsync("client-a");
            var input = new JsonObject { ["jobId"] = jobId, ["clientId"] = "client-a", ["input"] = TestApp.Input() }.ToJsonString();
            var results = new JsonArray(
                await TestApp.InvokeStepAsync(new ValidateRequestHandler(app.Dependencies).HandleAsync, input),
                await TestApp.InvokeStepAsync(new PriceRequestHandler(app.Dependencies).HandleAsync, input),
                await TestApp.InvokeStepAsync(new CheckBudgetHandler(app.Dependencies).HandleAsync, input),
                await TestApp.InvokeStepAsync(new CheckPolicyHandler(app.Dependencies).HandleAsync, input));
            await TestApp.InvokeStepAsync(new MergeDecisionHandler(recorded).HandleAsync, new JsonObject { ["jobId"] = jobId, ["results"] = results }.ToJsonString());
        },
        ["RequestApprovalFunction"] = async (app, recorded) =>
        {
            var waiting = await app.SubmitAsync("client-a", TestApp.Body(5000m));
            await app.ClaimAsync(waiting);
            await TestApp.InvokeStepAsync(new RequestApprovalHandler(recorded).HandleAsync, new JsonObject { ["taskToken"] = "t1", ["jobId"] = waiting }.ToJsonString());

            // Cancelled between reading the job and marking it: the stored token is removed again.
            var raced = await app.SubmitAsync("client-a", TestApp.Body(5000m));
            await app.ClaimAsync(raced);
            var racing = app.DependenciesWith(new CancelledBeforeTransition(recorded.Jobs, app));
            Assert.That(async () => await new RequestApprovalHandler(racing).HandleAsync(TestApp.Stream(new JsonObject { ["taskToken"] = "t2", ["jobId"] = raced }.ToJsonString())),
                Throws.InstanceOf<Domain.BusinessRuleException>());
        },
        ["FinalizeFunction"] = async (app, recorded) =>
        {
            var jobId = await app.SubmitAsync("client-a");
            await app.ClaimAsync(jobId);
            await TestApp.InvokeStepAsync(new FinalizeHandler(recorded).HandleAsync,
                new JsonObject { ["jobId"] = jobId, ["decision"] = new JsonObject { ["total"] = 120 } }.ToJsonString());
        },
        ["RepublishAcceptedFunction"] = async (app, recorded) =>
        {
            await app.SubmitAsync("client-a");
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await TestApp.InvokeStepAsync(new RepublishAcceptedHandler(recorded).HandleAsync, """{"id":"event-1","detail-type":"Scheduled Event"}""");
        },
    };

    private static IEnumerable<TestCaseData> Functions() =>
        SamTemplate.Repository.ResourcesOfType(SamTemplate.FunctionType)
            .Select(f => new TestCaseData(f.LogicalId).SetArgDisplayNames(f.LogicalId));

    [TestCaseSource(nameof(Functions))]
    public async Task DynamoDbPermissions_AreExactlyWhatTheFunctionCalls(string function)
    {
        Assert.That(Scenarios.ContainsKey(function), Is.True, $"{function} has no scenario here: add one that runs its paths");
        var app = await TestApp.StartAsync();
        var (client, recorder) = RecordingDynamoDb.Wrap(app.DynamoDb);

        await Scenarios[function](app, app.DependenciesOn(client));

        Assert.That(GrantedDynamoDbActions(function), Is.EquivalentTo(recorder.Calls),
            $"{function}'s DynamoDB statements in template.yaml should name exactly the calls its code makes");
    }

    [Test]
    public void NoFunctionOrStateMachine_UsesABroadDynamoDbPolicyTemplate()
    {
        var broad = SamTemplate.Repository.Resources
            .Where(r => (r.Value?["Properties"]?["Policies"] as JsonArray ?? []).OfType<JsonObject>()
                .Any(p => p.Any(kv => kv.Key.StartsWith("DynamoDB", StringComparison.Ordinal))))
            .Select(r => r.Key);

        Assert.That(broad, Is.Empty, "DynamoDBCrudPolicy/ReadPolicy grant Scan, BatchWriteItem, DeleteItem ... on the table and every index");
    }

    /// <summary>"dynamodb:Action table|index/NAME" for every DynamoDB action a function's Statement policies allow.</summary>
    internal static IReadOnlySet<string> GrantedDynamoDbActions(string logicalId) =>
        DynamoDbStatements(SamTemplate.PropertiesOf(SamTemplate.Repository.Resource(logicalId)))
            .ToHashSet(StringComparer.Ordinal);

    internal static IEnumerable<string> DynamoDbStatements(JsonObject properties)
    {
        var statements = (properties["Policies"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(p => p["Statement"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => (string?)s["Effect"] == "Allow");
        foreach (var statement in statements)
        {
            var actions = statement["Action"] switch
            {
                JsonArray array => array.Select(a => (string)a!).ToList(),
                var single => [(string)single!],
            };
            foreach (var action in actions.Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            {
                yield return $"{action} {ResourceOf(statement["Resource"])}";
            }
        }
    }

    /// <summary>!GetAtt JobsTable.Arn → "table"; !Sub "${JobsTable.Arn}/index/GSI1" → "index/GSI1".</summary>
    private static string ResourceOf(JsonNode? resource)
    {
        if (SamTemplate.ReferencedLogicalId(resource) == "JobsTable")
        {
            return "table";
        }

        const string prefix = "${JobsTable.Arn}/";
        return (string?)resource?["Fn::Sub"] is { } sub && sub.StartsWith(prefix, StringComparison.Ordinal)
            ? sub[prefix.Length..]
            : throw new AssertionException($"DynamoDB statement on an unexpected resource: {resource?.ToJsonString()}");
    }

    /// <summary>Cancels the job (through the unrecorded store) just before the first status transition.</summary>
    private sealed class CancelledBeforeTransition(Domain.IJobStore inner, TestApp app) : DelegatingJobStore(inner)
    {
        public override async Task<bool> TryTransitionAsync(string jobId, Domain.JobStatus from, Domain.JobStatus to, DateTimeOffset at, Domain.JobUpdate? update, CancellationToken cancellationToken)
        {
            await app.Store.TryTransitionAsync(jobId, from, Domain.JobStatus.Cancelled, at, null, cancellationToken);
            return await base.TryTransitionAsync(jobId, from, to, at, update, cancellationToken);
        }
    }

    private static string StepPayload(string jobId) =>
        new JsonObject { ["jobId"] = jobId, ["clientId"] = "client-a", ["executionId"] = "arn:aws:states:us-east-1:1:execution:sm:run" }.ToJsonString();
}
