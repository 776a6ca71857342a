using System.Reflection;
using System.Text.Json;

namespace Workflow.Local.Functions;

/// <summary>The error document the managed .NET runtime returns for an unhandled exception.</summary>
internal static class LambdaError
{
    public static byte[] FromException(Exception exception)
    {
        exception = Unwrap(exception);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, exception);
        }

        return buffer.ToArray();
    }

    public static byte[] Create(string errorType, string errorMessage)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", errorType);
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reflection and task wrappers hide the exception the handler threw; the runtime reports that one.</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                default:
                    return exception;
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject();
        writer.WriteString("errorType", exception.GetType().Name);
        writer.WriteString("errorMessage", exception.Message);
        writer.WriteStartArray("stackTrace");
        foreach (var line in (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
        if (exception.InnerException is { } inner)
        {
            writer.WritePropertyName("cause");
            Write(writer, Unwrap(inner));
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads errorType and errorMessage back from an error document.</summary>
    public static (string? Type, string? Message) Parse(ReadOnlySpan<byte> document)
    {
        try
        {
            var reader = new Utf8JsonReader(document);
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            return (
                root.TryGetProperty("errorType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
                root.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
