using System.Text.Json;

namespace Workflow.Local.Metrics;

/// <summary>One metric value read from a CloudWatch Embedded Metric Format log line.</summary>
public sealed record MetricSample(string Namespace, string Name, string Unit, double Value);

/// <summary>
/// Reads the metric values of an Embedded Metric Format line the way CloudWatch Logs does: the names and units under
/// <c>_aws.CloudWatchMetrics[].Metrics</c>, each value (a number or an array of numbers) in the root member of that
/// name. Any other line yields nothing.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
/// </summary>
public static class EmbeddedMetricLine
{
    public static IReadOnlyList<MetricSample> Read(string line)
    {
        if (string.IsNullOrEmpty(line) || line[0] != '{' || !line.Contains("\"_aws\"", StringComparison.Ordinal))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return Samples(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<MetricSample> Samples(JsonElement root)
    {
        var samples = new List<MetricSample>();
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object
            || !aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
        {
            return samples;
        }

        foreach (var directive in directives.EnumerateArray())
        {
            if (directive.ValueKind != JsonValueKind.Object
                || !directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String
                || !directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var metric in metrics.EnumerateArray())
            {
                if (metric.ValueKind != JsonValueKind.Object
                    || !metric.TryGetProperty("Name", out var nameElement) || nameElement.GetString() is not { Length: > 0 } name
                    || !root.TryGetProperty(name, out var value))
                {
                    continue;
                }

                var unit = metric.TryGetProperty("Unit", out var unitElement) && unitElement.ValueKind == JsonValueKind.String
                    ? unitElement.GetString()! : "None";
                foreach (var number in Numbers(value))
                {
                    samples.Add(new MetricSample(ns.GetString()!, name, unit, number));
                }
            }
        }

        return samples;
    }

    private static IEnumerable<double> Numbers(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => [value.GetDouble()],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList(),
        _ => [],
    };
}
