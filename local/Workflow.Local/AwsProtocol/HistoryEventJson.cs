using System.Text.Json;
using Workflow.StateMachine.History;

namespace Workflow.Local.AwsProtocol;

/// <summary>
/// Writes history events as GetExecutionHistory returns them over the AWS JSON protocol: epoch-second timestamps and
/// the AWS details member per event type (<c>stateEnteredEventDetails</c>, <c>taskScheduledEventDetails</c>, ...).
/// </summary>
public static class HistoryEventJson
{
    public static void Write(Utf8JsonWriter writer, HistoryEvent e, bool includeData)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteNumber("timestamp", e.Timestamp.ToUnixTimeMilliseconds() / 1000m);
        writer.WriteString("type", e.Type);
        writer.WriteNumber("id", e.Id);
        writer.WriteNumber("previousEventId", e.PreviousEventId);
        var detailsName = HistoryEventWriter.DetailsName(e.Type);
        if (detailsName is not null)
        {
            writer.WriteStartObject(detailsName);
            WriteDetails(writer, e, includeData);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteDetails(Utf8JsonWriter writer, HistoryEvent e, bool includeData)
    {
        if (e.Name is not null)
        {
            writer.WriteString("name", e.Name);
        }

        if (e.Index is { } index)
        {
            writer.WriteNumber("index", index);
        }

        if (e.Length is { } length)
        {
            writer.WriteNumber("length", length);
        }

        WriteOptional(writer, "resourceType", e.ResourceType);
        WriteOptional(writer, "resource", e.Resource);
        WriteOptional(writer, "region", e.Region);
        if (includeData)
        {
            WriteOptional(writer, "parameters", e.Parameters);
        }

        WriteOptional(writer, "roleArn", e.RoleArn);
        if (e.Input is not null)
        {
            if (includeData)
            {
                writer.WriteString("input", e.Input);
            }

            WriteDataDetails(writer, "inputDetails");
        }

        if (e.Output is not null)
        {
            if (includeData)
            {
                writer.WriteString("output", e.Output);
            }

            WriteDataDetails(writer, "outputDetails");
        }

        WriteOptional(writer, "error", e.Error);
        WriteOptional(writer, "cause", e.Cause);
        if (e.TimeoutInSeconds is { } timeout)
        {
            writer.WriteNumber("timeoutInSeconds", timeout);
        }

        if (e.HeartbeatInSeconds is { } heartbeat)
        {
            writer.WriteNumber("heartbeatInSeconds", heartbeat);
        }

        if (e.AssignedVariables is not null)
        {
            writer.WriteStartObject("assignedVariables");
            foreach (var (name, value) in e.AssignedVariables)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            WriteDataDetails(writer, "assignedVariablesDetails");
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteDataDetails(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("truncated", false);
        writer.WriteEndObject();
    }
}
