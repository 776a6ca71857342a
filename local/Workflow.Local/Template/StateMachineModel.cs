namespace Workflow.Local.Template;

/// <summary>
/// An <c>AWS::Serverless::StateMachine</c> or <c>AWS::StepFunctions::StateMachine</c>.
/// <see cref="DefinitionJson"/> is the Amazon States Language document after DefinitionSubstitutions were applied.
/// <see cref="Type"/> is <c>STANDARD</c> or <c>EXPRESS</c>.
/// </summary>
public sealed record StateMachineModel(
    string LogicalId,
    string Name,
    string Arn,
    string Type,
    string DefinitionJson,
    string RoleArn,
    bool LoggingEnabled,
    bool TracingEnabled,
    IReadOnlyList<EventRuleModel> Events);
