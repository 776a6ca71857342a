namespace Workflow.StateMachine.Benchmarks;

/// <summary>Nearest-rank percentiles over every measured execution (no sampling, no histogram buckets).</summary>
public static class Latencies
{
    public static LatencySummary Summarize(IReadOnlyCollection<double> millis)
    {
        if (millis.Count == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0);
        }

        var sorted = millis.Order().ToArray();
        return new LatencySummary(Round(sorted.Average()), Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), Round(sorted[^1]));
    }

    private static double Rank(double[] sorted, double percentile)
    {
        var index = (int)Math.Ceiling(percentile * sorted.Length) - 1;
        return Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)]);
    }

    private static double Round(double value) => Math.Round(value, 3);
}
