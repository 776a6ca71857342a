using System.Globalization;
using System.Text;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>Renders the results as the <c>## State machine engine</c> section of BENCHMARKS.md.</summary>
public static class MarkdownReport
{
    public const string SectionHeading = "## State machine engine";

    public const double TargetRatio = 10;

    /// <param name="notes">Hand-written analysis appended to the generated tables (kept in bench/results), if any.</param>
    public static string Render(BenchReport report, BenchOptions options, string? notes = null)
    {
        var m = report.Machine;
        var text = new StringBuilder();
        text.AppendLine(SectionHeading).AppendLine();
        Line(text, $"Measured {m.Date:yyyy-MM-dd HH:mm} UTC on {m.Cpu}, {m.Cores} cores, {m.MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB, {m.Os}; {m.DotnetVersion} ({m.GarbageCollector} in the benchmark host); node {m.NodeVersion ?? "(not run)"}; engine at commit {m.EngineRevision}. Load average when the run started: {m.LoadAverage} (other builds and tests were running on the same machine, so absolute numbers are noisy; both engines ran in the same session, one after the other per definition).");
        text.AppendLine();
        text.AppendLine("Reproduce (from the repository root):").AppendLine();
        text.AppendLine("```sh").AppendLine(report.Command).AppendLine("```").AppendLine();
        Line(text, $"Method: each engine runs each definition of `../shared/bench` with its input in its own process: {Phases(options)}. Ours uses `StateMachineEngine` with the in-memory, non-persistent store and {Retention(options)}; Tasks go to a local handler that returns its input (the peer: `overrides.taskResourceLocalHandlers`). Every execution is checked to have SUCCEEDED with the same output as the first one, and the two engines' outputs are compared. Throughput (exec/s, the target's measure) is the concurrent phase's wall-clock rate; CPU ms/exec is the process's processor time (all threads, JIT and GC included) per execution, which other load on the machine disturbs less than wall time; latency percentiles are per execution (start to completion); peak memory is the process's peak resident set (VmHWM for .NET, `process.resourceUsage().maxRSS` for node), runtime included.");
        text.AppendLine();

        if (report.Peer.Count > 0)
        {
            Line(text, $"Target: at least {TargetRatio:0}x the peer's throughput on every definition, with lower peak memory.");
            text.AppendLine();
            text.AppendLine("| definition | ours exec/s | peer exec/s | ratio | CPU ms/exec ours / peer | CPU ratio | ours p50 / p99 ms | peer p50 / p99 ms | ours peak mem | peer peak mem | same output | target |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|");
            foreach (var ours in report.Ours)
            {
                var peer = report.Peer.FirstOrDefault(p => p.Definition == ours.Definition);
                if (peer is null)
                {
                    continue;
                }

                var ratio = ours.Concurrent.ExecutionsPerSecond / peer.Concurrent.ExecutionsPerSecond;
                var fast = ratio >= TargetRatio;
                var lean = ours.PeakMemoryBytes < peer.PeakMemoryBytes;
                var verdict = fast && lean ? "PASS" : "MISS (" + string.Join(", ", new[] { fast ? null : "speed", lean ? null : "memory" }.OfType<string>()) + ")";
                Line(text, $"| {ours.Definition} | {ours.Concurrent.ExecutionsPerSecond:#,0.#} | {peer.Concurrent.ExecutionsPerSecond:#,0.#} | {ratio:0.0}x | {Ms(ours.Concurrent.CpuMsPerExecution)} / {Ms(peer.Concurrent.CpuMsPerExecution)} | {peer.Concurrent.CpuMsPerExecution / ours.Concurrent.CpuMsPerExecution:0.0}x | {Ms(ours.Concurrent.LatencyMs.P50)} / {Ms(ours.Concurrent.LatencyMs.P99)} | {Ms(peer.Concurrent.LatencyMs.P50)} / {Ms(peer.Concurrent.LatencyMs.P99)} | {Mib(ours.PeakMemoryBytes)} | {Mib(peer.PeakMemoryBytes)} | {(ours.OutputMatchesPeer == true ? "yes" : "NO")} | {verdict} |");
            }

            text.AppendLine();
        }

        foreach (var ours in report.Ours)
        {
            text.AppendLine($"### {ours.Definition}").AppendLine();
            text.AppendLine("| engine | phase | in flight | executions | exec/s | CPU ms/exec | mean ms | p50 ms | p90 ms | p99 ms | max ms | alloc/exec | peak mem |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var result in new[] { ours, report.Peer.FirstOrDefault(p => p.Definition == ours.Definition) }.OfType<DefinitionResult>())
            {
                PhaseRow(text, result, "sequential", result.Sequential);
                PhaseRow(text, result, "concurrent", result.Concurrent);
            }

            text.AppendLine();
        }

        if (!string.IsNullOrWhiteSpace(notes))
        {
            text.AppendLine(notes.Trim()).AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Replaces (or appends) this section in an existing Markdown file, leaving other sections alone.</summary>
    public static string MergeInto(string? existing, string section)
    {
        if (string.IsNullOrWhiteSpace(existing))
        {
            return "# Benchmarks\n\n" + section;
        }

        var lines = existing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == SectionHeading);
        if (start < 0)
        {
            return existing.TrimEnd() + "\n\n" + section;
        }

        var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("# ", StringComparison.Ordinal));
        var before = string.Join('\n', lines.Take(start));
        var after = end < 0 ? string.Empty : "\n" + string.Join('\n', lines.Skip(end));
        return before + (before.Length > 0 ? "\n" : string.Empty) + section.TrimEnd() + "\n" + after;
    }

    private static void PhaseRow(StringBuilder text, DefinitionResult result, string phase, PhaseResult p)
    {
        var alloc = p.AllocatedBytesPerExecution is { } bytes ? $"{bytes / 1024:#,0.#} KiB" : "n/a";
        Line(text, $"| {result.Engine} | {phase} | {p.Concurrency} | {p.Executions:#,0} | {p.ExecutionsPerSecond:#,0.#} | {Ms(p.CpuMsPerExecution)} | {Ms(p.LatencyMs.Mean)} | {Ms(p.LatencyMs.P50)} | {Ms(p.LatencyMs.P90)} | {Ms(p.LatencyMs.P99)} | {Ms(p.LatencyMs.Max)} | {alloc} | {Mib(result.PeakMemoryBytes)} |");
    }

    private static string Retention(BenchOptions o) => o.RetainClosed > 0
        ? $"`MaxRetainedClosedExecutions = {o.RetainClosed}` (the last {o.RetainClosed} closed executions stay describable with their history; the peer keeps none)"
        : "no retention limit (every closed execution and its history stays in memory)";

    private static string Phases(BenchOptions o)
    {
        var measured = o.Executions is { } n ? $"{n} executions" : $"{o.DurationSeconds:0.#} s";
        return $"{o.WarmupSeconds:0.#} s warm-up, then a sequential phase (1 in flight, {measured}) and a concurrent phase ({o.Concurrency} in flight, {measured})";
    }

    private static string Ms(double value) => value.ToString(value < 10 ? "0.000" : value < 100 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(FormattableString.Invariant(line));
}
