using System.Diagnostics;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>
/// Runs executions with a fixed number in flight, either a fixed count or until a deadline, and records each one's
/// latency. The execute delegate starts one execution, waits for it, checks it and throws when it is wrong.
/// </summary>
public sealed class PhaseRunner(Func<ValueTask> execute)
{
    public async Task<PhaseResult> RunAsync(int concurrency, int? executions, TimeSpan duration)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pauseBefore = GC.GetTotalPauseDuration();
        var (count, seconds, latencies) = await MeasureAsync(concurrency, executions, duration).ConfigureAwait(false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new PhaseResult
        {
            Concurrency = concurrency,
            Executions = count,
            Seconds = Math.Round(seconds, 3),
            ExecutionsPerSecond = Math.Round(count / seconds, 2),
            LatencyMs = Latencies.Summarize(latencies),
            CpuMsPerExecution = Math.Round(cpu.TotalMilliseconds / count, 4),
            AllocatedBytesPerExecution = Math.Round((double)allocated / count),
            Gc = new GcSummary(
                GC.CollectionCount(0) - collectionsBefore[0],
                GC.CollectionCount(1) - collectionsBefore[1],
                GC.CollectionCount(2) - collectionsBefore[2],
                Math.Round((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds, 1),
                GC.GetTotalMemory(forceFullCollection: false)),
        };
    }

    /// <summary>Warm-up: the same work, results discarded; at least a few executions so every path is jitted.</summary>
    public async Task<int> WarmUpAsync(int concurrency, TimeSpan duration)
    {
        var sequential = await MeasureAsync(1, null, duration / 2, minimum: 3).ConfigureAwait(false);
        var concurrent = await MeasureAsync(concurrency, null, duration / 2, minimum: concurrency).ConfigureAwait(false);
        return sequential.Count + concurrent.Count;
    }

    private async Task<(int Count, double Seconds, List<double> Latencies)> MeasureAsync(int concurrency, int? executions, TimeSpan duration, int minimum = 1)
    {
        var issued = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        bool Claim()
        {
            var index = Interlocked.Increment(ref issued);
            return executions is { } n ? index <= n : index <= minimum || Stopwatch.GetTimestamp() < deadline;
        }

        async Task<List<double>> Worker()
        {
            var mine = new List<double>();
            while (Claim())
            {
                var begin = Stopwatch.GetTimestamp();
                await execute().ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }

            return mine;
        }

        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)).ToArray();
        var perWorker = await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = perWorker.SelectMany(l => l).ToList();
        return (all.Count, seconds, all);
    }
}
