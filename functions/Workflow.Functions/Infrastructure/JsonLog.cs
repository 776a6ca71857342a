using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workflow.Functions.Infrastructure;

/// <summary>
/// One JSON object per line on stdout (CloudWatch Logs keeps each line as an event): timestamp, level, message,
/// service, function, and the job and request/execution ids when known.
/// </summary>
public sealed class JsonLog(TextWriter output, TimeProvider time, string service)
{
    private static readonly object Gate = new();

    public void Write(string level, string function, string message, IReadOnlyDictionary<string, object?> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", Workflow.Domain.Timestamps.ToWire(time.GetUtcNow()));
            writer.WriteString("level", level);
            writer.WriteString("message", message);
            writer.WriteString("service", service);
            writer.WriteString("function", function);
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        break;
                    case int number:
                        writer.WriteNumber(name, number);
                        break;
                    case long number:
                        writer.WriteNumber(name, number);
                        break;
                    case double number:
                        writer.WriteNumber(name, number);
                        break;
                    case bool flag:
                        writer.WriteBoolean(name, flag);
                        break;
                    default:
                        writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        WriteLine(output, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes one whole line (log or metric) so that lines of concurrent writers never interleave.</summary>
    internal static void WriteLine(TextWriter output, string line)
    {
        lock (Gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
