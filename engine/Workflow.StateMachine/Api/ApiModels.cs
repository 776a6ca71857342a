namespace Workflow.StateMachine.Api;

public enum StateMachineType
{
    Standard,
    Express,
}

public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}

/// <summary>AWS spellings of enum values (<c>SUCCEEDED</c>, <c>TIMED_OUT</c>, <c>STANDARD</c>).</summary>
public static class ApiNames
{
    public static string ToApiName(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "ABORTED",
    };

    public static string ToApiName(this StateMachineType type) => type == StateMachineType.Express ? "EXPRESS" : "STANDARD";

    public static bool TryParseStatus(string? text, out ExecutionStatus status)
    {
        status = text switch
        {
            "RUNNING" => ExecutionStatus.Running,
            "SUCCEEDED" => ExecutionStatus.Succeeded,
            "FAILED" => ExecutionStatus.Failed,
            "TIMED_OUT" => ExecutionStatus.TimedOut,
            "ABORTED" => ExecutionStatus.Aborted,
            _ => (ExecutionStatus)(-1),
        };
        return (int)status >= 0;
    }

    public static bool TryParseType(string? text, out StateMachineType type)
    {
        type = text switch
        {
            null or "STANDARD" => StateMachineType.Standard,
            "EXPRESS" => StateMachineType.Express,
            _ => (StateMachineType)(-1),
        };
        return (int)type >= 0;
    }
}

public sealed record StateMachineInfo(
    string Arn,
    string Name,
    string Definition,
    string RoleArn,
    StateMachineType Type,
    DateTimeOffset CreationDate,
    DateTimeOffset UpdateDate,
    string RevisionId);

public sealed record ExecutionInfo(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    ExecutionStatus Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string Input,
    string? Output,
    string? Error,
    string? Cause);

/// <summary>What the host sees of each history event as it is recorded (for logging and metrics).</summary>
public readonly record struct ExecutionEventNotice(string ExecutionArn, string EventType, string? StateName, long EventId);

/// <summary>Observer hook: called synchronously after each history event; keep it cheap and never throw.</summary>
public interface IExecutionObserver
{
    void OnEvent(in ExecutionEventNotice notice);
}
