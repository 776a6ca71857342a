namespace Workflow.Local.Template;

/// <summary>
/// The application described by a SAM template, with every parameter, condition and intrinsic function resolved:
/// what the local runtime needs to run it. Physical names follow CloudFormation's rules (the explicit name property,
/// otherwise <c>{stack}-{LogicalId}</c>, without CloudFormation's random suffix so names are stable across restarts).
/// </summary>
public sealed record ApplicationModel(
    string TemplatePath,
    string StackName,
    string Region,
    string AccountId,
    string Partition,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<FunctionModel> Functions,
    HttpApiModel? HttpApi,
    IReadOnlyList<StateMachineModel> StateMachines,
    IReadOnlyList<EventBusModel> EventBuses,
    IReadOnlyList<EventRuleModel> Rules,
    IReadOnlyList<TableModel> Tables,
    IReadOnlyList<QueueModel> Queues,
    IReadOnlyList<TopicModel> Topics)
{
    /// <summary>Names of the template's Cognito user pool groups (offered on the local sign-in page).</summary>
    public IReadOnlyList<string> UserPoolGroups { get; init; } = [];

    /// <summary>The folder holding the template; relative paths in the template are relative to it.</summary>
    public string TemplateDirectory => Path.GetDirectoryName(TemplatePath)!;
}
