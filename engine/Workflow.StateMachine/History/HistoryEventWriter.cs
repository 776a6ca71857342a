using System.Text.Json;

namespace Workflow.StateMachine.History;

/// <summary>Writes history events in the shape of the Step Functions GetExecutionHistory response.</summary>
public static class HistoryEventWriter
{
    public static void Write(Utf8JsonWriter writer, HistoryEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("timestamp", e.Timestamp);
        writer.WriteString("type", e.Type);
        writer.WriteNumber("id", e.Id);
        writer.WriteNumber("previousEventId", e.PreviousEventId);
        var detailsName = DetailsName(e.Type);
        if (detailsName is not null)
        {
            writer.WriteStartObject(detailsName);
            WriteDetails(writer, e);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteDetails(Utf8JsonWriter writer, HistoryEvent e)
    {
        if (e.Name is not null && e.Index is null)
        {
            writer.WriteString("name", e.Name);
        }

        if (e.Index is not null)
        {
            writer.WriteString("name", e.Name);
            writer.WriteNumber("index", e.Index.Value);
        }

        if (e.Length is not null)
        {
            writer.WriteNumber("length", e.Length.Value);
        }

        if (e.ResourceType is not null)
        {
            writer.WriteString("resourceType", e.ResourceType);
        }

        if (e.Resource is not null)
        {
            writer.WriteString("resource", e.Resource);
        }

        if (e.Region is not null)
        {
            writer.WriteString("region", e.Region);
        }

        if (e.Parameters is not null)
        {
            writer.WriteString("parameters", e.Parameters);
        }

        if (e.RoleArn is not null)
        {
            writer.WriteString("roleArn", e.RoleArn);
        }

        if (e.Input is not null)
        {
            writer.WriteString("input", e.Input);
            writer.WriteStartObject("inputDetails");
            writer.WriteBoolean("truncated", false);
            writer.WriteEndObject();
        }

        if (e.Output is not null)
        {
            writer.WriteString("output", e.Output);
            writer.WriteStartObject("outputDetails");
            writer.WriteBoolean("truncated", false);
            writer.WriteEndObject();
        }

        if (e.Error is not null)
        {
            writer.WriteString("error", e.Error);
        }

        if (e.Cause is not null)
        {
            writer.WriteString("cause", e.Cause);
        }

        if (e.TimeoutInSeconds is not null)
        {
            writer.WriteNumber("timeoutInSeconds", e.TimeoutInSeconds.Value);
        }

        if (e.HeartbeatInSeconds is not null)
        {
            writer.WriteNumber("heartbeatInSeconds", e.HeartbeatInSeconds.Value);
        }

        if (e.AssignedVariables is not null)
        {
            writer.WriteStartObject("assignedVariables");
            foreach (var (name, value) in e.AssignedVariables)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("assignedVariablesDetails");
            writer.WriteBoolean("truncated", false);
            writer.WriteEndObject();
        }
    }

    /// <summary>The AWS details member for an event type (<c>stateEnteredEventDetails</c>, ...), or null if it has none.</summary>
    public static string? DetailsName(string type)
    {
        if (type.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            return "stateEnteredEventDetails";
        }

        if (type.EndsWith("StateExited", StringComparison.Ordinal))
        {
            return "stateExitedEventDetails";
        }

        return type switch
        {
            "ExecutionStarted" => "executionStartedEventDetails",
            "ExecutionSucceeded" => "executionSucceededEventDetails",
            "ExecutionFailed" => "executionFailedEventDetails",
            "EvaluationFailed" => "evaluationFailedEventDetails",
            "ExecutionAborted" => "executionAbortedEventDetails",
            "ExecutionTimedOut" => "executionTimedOutEventDetails",
            "TaskScheduled" => "taskScheduledEventDetails",
            "TaskStarted" => "taskStartedEventDetails",
            "TaskSubmitted" => "taskSubmittedEventDetails",
            "TaskSucceeded" => "taskSucceededEventDetails",
            "TaskFailed" => "taskFailedEventDetails",
            "TaskTimedOut" => "taskTimedOutEventDetails",
            "TaskStartFailed" => "taskStartFailedEventDetails",
            "TaskSubmitFailed" => "taskSubmitFailedEventDetails",
            "LambdaFunctionScheduled" => "lambdaFunctionScheduledEventDetails",
            "LambdaFunctionSucceeded" => "lambdaFunctionSucceededEventDetails",
            "LambdaFunctionFailed" => "lambdaFunctionFailedEventDetails",
            "LambdaFunctionTimedOut" => "lambdaFunctionTimedOutEventDetails",
            "LambdaFunctionScheduleFailed" => "lambdaFunctionScheduleFailedEventDetails",
            "LambdaFunctionStartFailed" => "lambdaFunctionStartFailedEventDetails",
            "MapStateStarted" => "mapStateStartedEventDetails",
            "MapIterationStarted" => "mapIterationStartedEventDetails",
            "MapIterationSucceeded" => "mapIterationSucceededEventDetails",
            "MapIterationFailed" => "mapIterationFailedEventDetails",
            "MapIterationAborted" => "mapIterationAbortedEventDetails",
            "MapRunFailed" => "mapRunFailedEventDetails",
            "ActivityScheduled" => "activityScheduledEventDetails",
            "ActivitySucceeded" => "activitySucceededEventDetails",
            "ActivityFailed" => "activityFailedEventDetails",
            "ActivityStarted" => "activityStartedEventDetails",
            "ActivityTimedOut" => "activityTimedOutEventDetails",
            _ => null,
        };
    }
}
