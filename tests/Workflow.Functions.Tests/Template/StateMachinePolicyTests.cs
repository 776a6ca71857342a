using System.Text.Json.Nodes;

namespace Workflow.Functions.Tests.Template;

/// <summary>Every Task resource the definition uses must be allowed by the state machine's SAM policies.</summary>
public class StateMachinePolicyTests
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    private const string DynamoDbPrefix = "arn:aws:states:::dynamodb:";
    private const string PutEvents = "arn:aws:states:::events:putEvents";

    // Step Functions DynamoDB integrations, by the SAM policy templates that allow them.
    private static readonly Dictionary<string, string[]> DynamoDbActionsByPolicy = new(StringComparer.Ordinal)
    {
        ["DynamoDBCrudPolicy"] = ["getItem", "putItem", "updateItem", "deleteItem"],
        ["DynamoDBReadPolicy"] = ["getItem"],
        ["DynamoDBWritePolicy"] = ["putItem", "updateItem"],
    };

    private static IEnumerable<TestCaseData> TaskStates() =>
        StateMachineDefinition.AllStates(StateMachineDefinition.ParseRepositoryWithSamples())
            .Where(s => (string?)s.State["Type"] == "Task")
            .Select(s => new TestCaseData(s.Name).SetArgDisplayNames(s.Name));

    [TestCaseSource(nameof(TaskStates))]
    public void TaskResource_IsAllowedByStateMachinePolicies(string stateName)
    {
        var (_, properties) = SamTemplate.Repository.StateMachine();
        var substitutions = properties["DefinitionSubstitutions"] as JsonObject ?? [];
        var policies = (properties["Policies"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var raw = RawState(stateName);
        var resource = (string?)raw["Resource"] ?? string.Empty;
        var parameters = raw["Parameters"] as JsonObject ?? [];

        if (resource is LambdaInvoke or LambdaInvoke + ".waitForTaskToken")
        {
            var function = TargetOf(parameters["FunctionName"], substitutions);
            var allowed = PolicyTargets(policies, "LambdaInvokePolicy", "FunctionName");
            Assert.That(allowed, Does.Contain(function), $"{stateName} invokes {function} without a LambdaInvokePolicy for it");
            Assert.That(parameters.ContainsKey("Payload") || parameters.ContainsKey("Payload.$"), Is.True,
                $"{stateName} should pass a Payload");
        }
        else if (resource.StartsWith(DynamoDbPrefix, StringComparison.Ordinal))
        {
            var action = resource[DynamoDbPrefix.Length..];
            var table = TargetOf(parameters["TableName"], substitutions);
            var allowed = DynamoDbActionsByPolicy
                .Where(p => p.Value.Contains(action))
                .SelectMany(p => PolicyTargets(policies, p.Key, "TableName"))
                .Concat(FunctionDynamoDbPermissionTests.DynamoDbStatements(properties)
                    .Where(grant => grant == $"dynamodb:{IamAction(action)} table")
                    .Select(_ => "JobsTable"));
            Assert.That(allowed, Does.Contain(table), $"{stateName} calls dynamodb:{action} on {table} without a policy for it");
        }
        else if (resource == PutEvents)
        {
            var entries = (parameters["Entries"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            Assert.That(entries, Is.Not.Empty, $"{stateName} puts no events");
            var allowed = PolicyTargets(policies, "EventBridgePutEventsPolicy", "EventBusName").ToList();
            foreach (var entry in entries)
            {
                var bus = TargetOf(entry["EventBusName"], substitutions);
                Assert.That(allowed, Does.Contain(bus), $"{stateName} puts events on {bus} without an EventBridgePutEventsPolicy");
            }
        }
        else
        {
            Assert.Fail($"{stateName} uses {resource}, which this test does not know how to check; add a rule for it.");
        }
    }

    [Test]
    public void StateMachine_DynamoDbPermissions_AreExactlyTheDefinitionsDynamoDbTasks()
    {
        var used = StateMachineDefinition.AllStates(StateMachineDefinition.ParseRepositoryWithSamples())
            .Select(s => (string?)s.State["Resource"] ?? "")
            .Where(r => r.StartsWith(DynamoDbPrefix, StringComparison.Ordinal))
            .Select(r => $"dynamodb:{IamAction(r[DynamoDbPrefix.Length..])} table")
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(FunctionDynamoDbPermissionTests.DynamoDbStatements(SamTemplate.Repository.StateMachine().Properties),
            Is.EquivalentTo(used));
    }

    /// <summary>"updateItem" (integration) → "UpdateItem" (IAM action).</summary>
    private static string IamAction(string integration) => char.ToUpperInvariant(integration[0]) + integration[1..];

    /// <summary>The state as written in the file, so that "${Name}" placeholders are still visible.</summary>
    private static JsonObject RawState(string name)
    {
        var raw = JsonNode.Parse(StateMachineDefinition.RepositoryText())!.AsObject();
        return StateMachineDefinition.AllStates(raw).Single(s => s.Name == name).State;
    }

    /// <summary>"${Name}" → the logical id DefinitionSubstitutions maps Name to.</summary>
    private static string TargetOf(JsonNode? value, JsonObject substitutions)
    {
        var text = (string?)value ?? throw new AssertionException("the Task parameter is missing or not a string");
        var names = StateMachineDefinition.Placeholders(text);
        Assert.That(names, Has.Count.EqualTo(1), $"'{text}' should be exactly one ${{Substitution}}");
        var name = names.Single();
        Assert.That(text, Is.EqualTo("${" + name + "}"), "the whole value should come from the substitution");
        return SamTemplate.ReferencedLogicalId(substitutions[name])
            ?? throw new AssertionException($"DefinitionSubstitutions.{name} is not a !Ref/!GetAtt of a resource");
    }

    private static IEnumerable<string> PolicyTargets(IEnumerable<JsonObject> policies, string template, string parameter) =>
        policies
            .Select(p => p[template]?[parameter])
            .Select(SamTemplate.ReferencedLogicalId)
            .OfType<string>();
}
