using Workflow.Local.Template;

namespace Workflow.Local.Tests.StepFunctions;

/// <summary>Small application models for tests of the local AWS services.</summary>
internal static class TestModels
{
    public const string Region = "us-east-1";
    public const string AccountId = "123456789012";
    public const string RoleArn = "arn:aws:iam::123456789012:role/local-test";

    public static string StateMachineArn(string name) => $"arn:aws:states:{Region}:{AccountId}:stateMachine:{name}";

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{AccountId}:function:{name}";

    public static StateMachineModel StateMachine(string name, string definitionJson) =>
        new(name, name, StateMachineArn(name), "STANDARD", definitionJson, RoleArn, false, false, []);

    public static ApplicationModel Create(
        string directory,
        IReadOnlyList<StateMachineModel>? stateMachines = null,
        IReadOnlyList<EventRuleModel>? rules = null,
        IReadOnlyList<FunctionModel>? functions = null,
        IReadOnlyList<TopicModel>? topics = null)
    {
        var buses = new List<EventBusModel>
        {
            new("default", "default", $"arn:aws:events:{Region}:{AccountId}:event-bus/default", null),
            new("JobsBus", "jobs", $"arn:aws:events:{Region}:{AccountId}:event-bus/jobs", null),
        };
        return new ApplicationModel(
            Path.Combine(directory, "template.yaml"),
            "local-test",
            Region,
            AccountId,
            "aws",
            new Dictionary<string, string>(),
            functions ?? [],
            null,
            stateMachines ?? [],
            buses,
            rules ?? [],
            [],
            [],
            topics ?? []);
    }
}
