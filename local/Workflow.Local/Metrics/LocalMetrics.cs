using System.Text.Json.Serialization;

namespace Workflow.Local.Metrics;

/// <summary>
/// The business metrics of the local run, aggregated from the Embedded Metric Format lines the function workers
/// write, as CloudWatch would aggregate them for the whole run: samples, sum, minimum, maximum, average per metric.
/// Served at <see cref="EndpointPath"/>.
/// </summary>
public sealed class LocalMetrics
{
    public const string EndpointPath = "/_local/metrics";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Aggregate> metrics = new(StringComparer.Ordinal);

    /// <summary>Takes the metric values of one log line of a function (other lines are ignored).</summary>
    public void Record(string line)
    {
        var samples = EmbeddedMetricLine.Read(line);
        if (samples.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var sample in samples)
            {
                var key = $"{sample.Namespace}/{sample.Name}";
                if (!metrics.TryGetValue(key, out var aggregate))
                {
                    metrics[key] = aggregate = new Aggregate(sample.Namespace, sample.Name, sample.Unit);
                }

                aggregate.Add(sample.Value);
            }
        }
    }

    public MetricsReport Report()
    {
        lock (gate)
        {
            return new MetricsReport(metrics.Values
                .OrderBy(m => m.Namespace, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => m.Snapshot())
                .ToList());
        }
    }

    private sealed class Aggregate(string ns, string name, string unit)
    {
        private long samples;
        private double sum;
        private double minimum = double.MaxValue;
        private double maximum = double.MinValue;

        public string Namespace => ns;

        public string Name => name;

        public void Add(double value)
        {
            samples++;
            sum += value;
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }

        public MetricSummary Snapshot() => new(ns, name, unit, samples, sum, minimum, maximum, Math.Round(sum / samples, 3));
    }
}

public sealed record MetricsReport(IReadOnlyList<MetricSummary> Metrics);

/// <summary>One metric over the run; for a counter, <see cref="Sum"/> is the count.</summary>
public sealed record MetricSummary(string Namespace, string Name, string Unit, long SampleCount, double Sum, double Minimum, double Maximum, double Average);

[JsonSerializable(typeof(MetricsReport))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
