using System.Globalization;
using System.Text;

namespace Workflow.Local.LoadTest;

/// <summary>The <c>## Local runtime load test</c> section of BENCHMARKS.md.</summary>
internal static class LoadReport
{
    public static string Markdown(LoadTestOptions options, LoadResult result)
    {
        static string Mb(long? bytes) => bytes is { } b ? (b / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB" : "n/a (targeted runtime)";
        static string Rate(int count, TimeSpan duration) => (count / duration.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
        var checks = result.Problems.Count == 0
            ? $"{result.Submitted} submitted, {result.Succeeded} SUCCEEDED, {result.Executions} executions: none lost, none duplicated"
            : "FAILED: " + string.Join("; ", result.Problems);
        var text = new StringBuilder();
        text.AppendLine(BenchmarksFile.Heading);
        text.AppendLine();
        text.AppendLine("The whole application (`template.yaml`, real functions, dynalite, Step Functions engine, EventBridge rule) on the local");
        text.AppendLine("runtime, driven through the HTTP API like clients do: small orders (24.00 EUR, no approval) submitted concurrently, then");
        text.AppendLine("polled with `GET /jobs` until final. Submit→SUCCEEDED latency is the job's `completedAt` minus the moment the client");
        text.AppendLine("sent `POST /jobs` (same machine clock). Memory: the runtime host's peak RSS (VmHWM) and the sampled peak of its");
        text.AppendLine("whole process tree (host + function worker processes + dynalite).");
        text.AppendLine();
        text.AppendLine("Reproduce (from the repository root):");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine($"dotnet run -c Release --project bench/Workflow.Local.LoadTest -- --jobs {options.Jobs} --concurrency {options.Concurrency} --clients {options.Clients} --warm-up {options.WarmUp} --write-benchmarks BENCHMARKS.md");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine($"Machine: {MachineDescription.Describe()}. Runtime: {result.Target}, default options (4 workers per function). Run at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average (1/5/15 min) at the start: {result.LoadAverageBefore} (the machine was shared with other builds and test runs, so these numbers are a floor, not a ceiling).");
        text.AppendLine();
        text.AppendLine("| Measure | Result |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| Jobs | {options.Jobs} ({options.Concurrency} submissions in flight, {options.Clients} clients, {options.WarmUp} warm-up jobs not counted) |");
        text.AppendLine($"| Correctness | {checks} |");
        text.AppendLine($"| Submit throughput | {Rate(result.Submitted, result.SubmitDuration)} jobs/s ({result.Submitted} accepted in {result.SubmitDuration.TotalSeconds:0.0} s) |");
        text.AppendLine($"| End-to-end throughput | {Rate(result.Succeeded, result.EndToEndDuration)} jobs/s (first submit to last SUCCEEDED: {result.EndToEndDuration.TotalSeconds:0.0} s) |");
        text.AppendLine($"| Submit latency p50 / p90 / p99 | {result.SubmitLatency.Format()} |");
        text.AppendLine($"| Submit→SUCCEEDED p50 / p90 / p99 | {result.CompletionLatency.Format()} |");
        text.AppendLine($"| Peak memory, runtime host process | {Mb(result.HostPeakBytes)} |");
        text.AppendLine($"| Peak memory, host + workers + dynalite | {Mb(result.TreePeakBytes)}{(result.TreePeakProcesses is { } n ? $" ({n} processes)" : "")} |");
        return text.ToString();
    }
}
