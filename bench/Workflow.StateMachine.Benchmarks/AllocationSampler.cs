using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>
/// An in-process allocation profiler: the runtime reports a GCAllocationTick about every 100 KB allocated, naming
/// the type of the object that crossed the threshold; summed per type this shows where the allocated bytes go
/// (dotnet-trace/dotnet-counters are not available here).
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const int GcAllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != GcAllocationTickEventId || eventData.PayloadNames is null || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName");
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (type >= 0 && amount >= 0 && eventData.Payload[type] is string name)
        {
            bytesByType.AddOrUpdate(name, Convert.ToInt64(eventData.Payload[amount], CultureInfo.InvariantCulture), (_, sum) => sum + Convert.ToInt64(eventData.Payload[amount], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The types with the most sampled bytes, with their share of all sampled bytes.</summary>
    public string Report(int top)
    {
        var total = Math.Max(1, bytesByType.Values.Sum());
        var lines = bytesByType.OrderByDescending(p => p.Value).Take(top)
            .Select(p => FormattableString.Invariant($"{100.0 * p.Value / total,6:0.0}%  {p.Value / (1024.0 * 1024),9:0.0} MiB  {p.Key}"));
        return "sampled allocations by type:\n" + string.Join('\n', lines);
    }
}
