using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.Functions.Tests.Template;

public partial class StateMachineDefinitionTests
{
    private static readonly string[] TransientLambdaErrors =
    [
        "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
        "Lambda.TooManyRequestsException", "TransientDependencyException",
        // Step Functions gave up waiting for the Lambda service; every step is idempotent, so retrying is safe.
        "Lambda.ClientExecutionTimeoutException",
        // A step that overruns its timeout is retried: every step is idempotent.
        "Sandbox.Timedout",
    ];

    private static JsonObject Definition => StateMachineDefinition.ParseRepositoryWithSamples();

    private static IEnumerable<JsonObject> UpdateItemParameters() =>
        StateMachineDefinition.AllStates(Definition)
            .Where(s => (string?)s.State["Resource"] == "arn:aws:states:::dynamodb:updateItem")
            .Select(s => s.State["Parameters"] as JsonObject ?? []);

    [Test]
    public void Definition_AfterSubstitution_IsAValidStandardJsonPathMachine()
    {
        var definition = Definition;
        var states = definition["States"] as JsonObject;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(states, Is.Not.Null.And.Not.Empty);
            Assert.That(states!.ContainsKey((string?)definition["StartAt"] ?? string.Empty), Is.True, "StartAt names no state");
            Assert.That((string?)definition["QueryLanguage"] ?? "JSONPath", Is.EqualTo("JSONPath"));
            Assert.That((string?)SamTemplate.Repository.StateMachine().Properties["Type"], Is.EqualTo("STANDARD"));
        }
    }

    [Test]
    public void EveryTransition_TargetsAStateInTheSameScope_AndEveryStateIsReachable()
    {
        var scopes = new[] { Definition }.Concat(StateMachineDefinition.AllStates(Definition)
            .SelectMany(s => StateMachineDefinition.NestedMachines(s.State)));

        foreach (var scope in scopes)
        {
            var states = scope["States"]!.AsObject();
            var reachable = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([(string)scope["StartAt"]!]);
            while (pending.TryPop(out var name))
            {
                Assert.That(states.ContainsKey(name), Is.True, $"transition to unknown state '{name}'");
                if (reachable.Add(name))
                {
                    foreach (var target in StateMachineDefinition.Targets(states[name]!.AsObject()))
                    {
                        pending.Push(target);
                    }
                }
            }

            Assert.That(states.Select(s => s.Key).Except(reachable), Is.Empty, "unreachable states");
        }
    }

    [Test]
    public void StatusWrites_UseOnlyContractStatuses_AndMoveTheStatusIndexKeys()
    {
        var updates = UpdateItemParameters().ToList();
        Assert.That(updates, Is.Not.Empty);

        var written = new List<string>();
        foreach (var parameters in updates)
        {
            var names = parameters["ExpressionAttributeNames"] as JsonObject ?? [];
            var values = parameters["ExpressionAttributeValues"] as JsonObject ?? [];
            var statusAlias = names.Where(n => (string?)n.Value == "status").Select(n => n.Key).SingleOrDefault();
            var update = (string?)parameters["UpdateExpression"] ?? string.Empty;
            var condition = (string?)parameters["ConditionExpression"] ?? string.Empty;
            Assert.That(statusAlias, Is.Not.Null, $"every job update should guard on the status: {update}");

            foreach (var placeholder in StatusComparisons(statusAlias!, condition))
            {
                Assert.That(AppContract.JobStatuses, Does.Contain(StringValue(values, placeholder)), condition);
            }

            var assigned = Assignments(update);
            if (!assigned.TryGetValue(statusAlias!, out var statusPlaceholder))
            {
                continue;
            }

            var status = StringValue(values, statusPlaceholder);
            written.Add(status);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(AppContract.JobStatuses, Does.Contain(status), update);
                Assert.That(assigned.Keys, Is.SupersetOf(new[] { "updatedAt", "gsi2pk", "gsi2sk" }),
                    $"a status change must also set updatedAt and the GSI2 keys: {update}");
                Assert.That(StringValue(values, assigned["gsi2pk"]), Is.EqualTo("STATUS#" + status), update);
                Assert.That((string?)values[assigned["gsi2sk"]]?["S.$"], Does.Contain("$$.State.EnteredTime"), update);
            }
        }

        Assert.That(written, Is.SupersetOf(new[] { "RUNNING", "SUCCEEDED", "REJECTED", "FAILED" }));
    }

    [Test]
    public void Claim_IsConditionalOnAcceptedAndEndsHarmlesslyWhenAlreadyClaimed()
    {
        var claim = StateMachineDefinition.AllStates(Definition)
            .Select(s => s.State)
            .Single(s => ((string?)s["Parameters"]?["ConditionExpression"])?.Contains("= :accepted", StringComparison.Ordinal) == true);
        var parameters = claim["Parameters"]!.AsObject();
        var conditional = (claim["Catch"] as JsonArray ?? []).OfType<JsonObject>()
            .Single(c => c["ErrorEquals"]!.AsArray().Any(e => (string?)e == "DynamoDB.ConditionalCheckFailedException"));
        var target = Definition["States"]![(string)conditional["Next"]!]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(StringValue(parameters["ExpressionAttributeValues"]!.AsObject(), ":accepted"), Is.EqualTo("ACCEPTED"));
            Assert.That((string?)parameters["ExpressionAttributeValues"]![":executionArn"]?["S.$"],
                Is.EqualTo("$$.Execution.Id"));
            Assert.That((string?)target["Type"], Is.EqualTo("Succeed"));
        }
    }

    [Test]
    public void EveryTopLevelTaskOrParallel_CatchesAllErrors()
    {
        var states = Definition["States"]!.AsObject();
        var unguarded = states
            .Where(s => (string?)s.Value!["Type"] is "Task" or "Parallel")
            .Where(s => !(s.Value!["Catch"] as JsonArray ?? []).OfType<JsonObject>()
                .Any(c => c["ErrorEquals"]!.AsArray().Any(e => (string?)e == "States.ALL")))
            .Select(s => s.Key);

        Assert.That(unguarded, Is.Empty, "these states could fail the execution without recording the job");
    }

    [Test]
    public void FailurePath_RecordsFailedWithErrorAndCause()
    {
        var failed = UpdateItemParameters().Where(p =>
            p["ExpressionAttributeValues"]!.AsObject().Any(v => (string?)v.Value?["S"] == "FAILED")).ToList();
        Assert.That(failed, Has.Count.EqualTo(1));

        var values = failed[0]["ExpressionAttributeValues"]!.AsObject().Select(v => (string?)v.Value?["S.$"]).ToList();
        Assert.That(values, Does.Contain("$.error.Error").And.Contain("$.error.Cause"));
    }

    [Test]
    public void LambdaTasks_RetryTransientErrorsWithJitteredBackoff()
    {
        var lambdaTasks = StateMachineDefinition.AllStates(Definition)
            .Where(s => ((string?)s.State["Resource"])?.StartsWith("arn:aws:states:::lambda:invoke", StringComparison.Ordinal) == true)
            .ToList();
        Assert.That(lambdaTasks, Has.Count.GreaterThanOrEqualTo(7));

        foreach (var (name, state, _) in lambdaTasks)
        {
            var retriers = (state["Retry"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var covered = retriers.SelectMany(r => r["ErrorEquals"]!.AsArray().Select(e => (string?)e)).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(covered, Is.SupersetOf(TransientLambdaErrors), name);
                Assert.That(retriers.Select(r => (string?)r["JitterStrategy"]), Is.All.EqualTo("FULL"), name);
                Assert.That(retriers.Select(r => r["MaxDelaySeconds"]), Has.None.Null, name);
                Assert.That(retriers.Select(r => (double?)r["BackoffRate"]), Is.All.GreaterThan(1.0), name);
            }
        }
    }

    [Test]
    public void ParallelBranches_TurnBusinessRuleErrorsIntoResults()
    {
        var parallel = StateMachineDefinition.AllStates(Definition).Single(s => (string?)s.State["Type"] == "Parallel");
        var branches = parallel.State["Branches"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.That(branches, Has.Count.EqualTo(4));

        foreach (var branch in branches)
        {
            var start = branch["States"]![(string)branch["StartAt"]!]!.AsObject();
            var catcher = (start["Catch"] as JsonArray ?? []).OfType<JsonObject>()
                .SingleOrDefault(c => c["ErrorEquals"]!.AsArray().Any(e => (string?)e == "BusinessRuleException"));
            Assert.That(catcher, Is.Not.Null, $"{branch["StartAt"]} should catch BusinessRuleException");
            var handler = branch["States"]![(string)catcher!["Next"]!]!;
            Assert.That((string?)handler["Type"], Is.Not.EqualTo("Fail"), "a business rejection is a result, not a crash");
        }
    }

    [Test]
    public void PublishedEvents_UseContractSourceAndDetailTypes()
    {
        var entries = StateMachineDefinition.AllStates(Definition)
            .Where(s => (string?)s.State["Resource"] == "arn:aws:states:::events:putEvents")
            .SelectMany(s => s.State["Parameters"]!["Entries"]!.AsArray().OfType<JsonObject>())
            .ToList();
        Assert.That(entries, Is.Not.Empty);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Select(e => (string?)e["Source"]), Is.All.EqualTo(AppContract.EventSource));
            Assert.That(entries.Select(e => (string?)e["DetailType"]).Distinct(), Is.SubsetOf(AppContract.EventDetailTypes));
            Assert.That(entries.Select(e => (string?)e["DetailType"]), Does.Contain("JobCompleted").And.Contain("JobFailed"));
            Assert.That(entries.Select(e => (string?)e["Detail"]?["status"]).Distinct(), Is.SubsetOf(AppContract.JobStatuses));
        }
    }

    private static string StringValue(JsonObject values, string placeholder) =>
        (string?)values[placeholder]?["S"] ?? throw new AssertionException($"{placeholder} is not a literal string value");

    /// <summary>"SET a = :x, #b = :y" → {a: :x, #b: :y}.</summary>
    private static Dictionary<string, string> Assignments(string updateExpression) =>
        AssignmentPattern().Matches(updateExpression)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    private static IEnumerable<string> StatusComparisons(string alias, string condition) =>
        ComparisonPattern().Matches(condition)
            .Where(m => m.Groups[1].Value == alias)
            .Select(m => m.Groups[2].Value);

    [GeneratedRegex(@"([#\w]+)\s*=\s*(:\w+)")]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"([#\w]+)\s*(?:=|<>)\s*(:\w+)")]
    private static partial Regex ComparisonPattern();
}
