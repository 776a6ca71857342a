using Microsoft.Extensions.Logging;
using Workflow.EventBridge;

namespace Workflow.Local.EventBridgeService;

/// <summary>One structured log line per received event and per delivery attempt outcome.</summary>
internal sealed partial class DeliveryLog(ILogger logger) : IEventRouterObserver
{
    public void OnEventReceived(string eventId, string busName, IReadOnlyList<string> matchedRules) =>
        LogReceived(logger, eventId, busName, string.Join(",", matchedRules));

    public void OnDelivery(DeliveryLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var level = entry.Outcome switch
        {
            DeliveryOutcome.Delivered => LogLevel.Information,
            DeliveryOutcome.Retrying => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        LogDelivery(logger, level, entry.EventId, entry.RuleName, entry.TargetId, entry.TargetArn, entry.Attempt, entry.Outcome,
            entry.ErrorCode ?? "", entry.ErrorMessage ?? "", entry.NextAttemptIn?.TotalSeconds ?? 0);
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "eventbridge event eventId={EventId} bus={Bus} matchedRules={MatchedRules}")]
    private static partial void LogReceived(ILogger logger, string eventId, string bus, string matchedRules);

    [LoggerMessage(EventId = 4301,
        Message = "eventbridge delivery eventId={EventId} rule={Rule} target={TargetId} targetArn={TargetArn} attempt={Attempt} outcome={Outcome} error={ErrorCode} message={ErrorMessage} nextAttemptInSeconds={NextAttemptIn}")]
    private static partial void LogDelivery(ILogger logger, LogLevel level, string eventId, string rule, string targetId, string targetArn, int attempt,
        DeliveryOutcome outcome, string errorCode, string errorMessage, double nextAttemptIn);
}
