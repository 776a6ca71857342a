using System.Text;
using System.Text.Json;

namespace Workflow.Functions.Infrastructure;

/// <summary>
/// Business metrics as CloudWatch Embedded Metric Format log lines: CloudWatch Logs turns each line into metric data
/// points of namespace <see cref="Namespace"/> with the dimensions Service and Stage, and the line stays searchable
/// with its jobId. No package and no PutMetricData call: a log line costs nothing on the request path.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
/// </summary>
public sealed class BusinessMetrics(TextWriter output, TimeProvider time, string service, string stage)
{
    public const string Namespace = "Workflow";

    public const string JobsSubmitted = "JobsSubmitted";
    public const string JobsSucceeded = "JobsSucceeded";
    public const string JobsRejected = "JobsRejected";
    public const string ApprovalsRequested = "ApprovalsRequested";
    public const string ApprovalsDecided = "ApprovalsDecided";
    public const string ApprovalWaitTime = "ApprovalWaitTime";
    public const string EndToEndDuration = "EndToEndDuration";
    public const string StepErrors = "StepErrors";

    /// <summary>Every metric the functions emit, with its CloudWatch unit.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [JobsSubmitted] = "Count",
        [JobsSucceeded] = "Count",
        [JobsRejected] = "Count",
        [ApprovalsRequested] = "Count",
        [ApprovalsDecided] = "Count",
        [ApprovalWaitTime] = "Milliseconds",
        [EndToEndDuration] = "Milliseconds",
        [StepErrors] = "Count",
    };

    /// <summary>Adds one to a counter.</summary>
    public void Count(string metric, string function, string? jobId, string? detail = null) =>
        Emit(function, jobId, detail, (metric, 1));

    /// <summary>Records a duration in milliseconds.</summary>
    public void Duration(string metric, string function, string? jobId, TimeSpan duration) =>
        Emit(function, jobId, null, (metric, Math.Round(Math.Max(0, duration.TotalMilliseconds))));

    public void Emit(string function, string? jobId, string? detail, params (string Name, double Value)[] values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue("Service");
            writer.WriteStringValue("Stage");
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var (name, _) in values)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", name);
                writer.WriteString("Unit", Units.TryGetValue(name, out var unit) ? unit : throw new ArgumentException($"Unknown metric '{name}'.", nameof(values)));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteString("Service", service);
            writer.WriteString("Stage", stage);
            writer.WriteString("function", function);
            if (jobId is not null)
            {
                writer.WriteString("jobId", jobId);
            }

            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            foreach (var (name, value) in values)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        }

        JsonLog.WriteLine(output, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
