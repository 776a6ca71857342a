namespace Workflow.StateMachine.Definition;

/// <summary>The predefined Step Functions error names.</summary>
public static class ErrorNames
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Runtime = "States.Runtime";
    public const string BranchFailed = "States.BranchFailed";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string Permissions = "States.Permissions";
}
