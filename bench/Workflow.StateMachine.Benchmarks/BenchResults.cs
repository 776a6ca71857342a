using System.Text.Json.Serialization;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>
/// One engine on one definition. The node peer prints the same shape (camelCase JSON), so both sides are read
/// and reported by the same code.
/// </summary>
public sealed record DefinitionResult
{
    public required string Engine { get; init; }

    public required string Definition { get; init; }

    public required int WarmupExecutions { get; init; }

    public required PhaseResult Sequential { get; init; }

    public required PhaseResult Concurrent { get; init; }

    /// <summary>Peak resident memory of the process that ran only this definition (VmHWM / maxRSS), in bytes.</summary>
    public required long PeakMemoryBytes { get; init; }

    /// <summary>The output every execution produced (all were checked against the first); dropped from written reports.</summary>
    public string? Output { get; init; }

    /// <summary>Set by the comparing parent: whether both engines produced the same output JSON.</summary>
    public bool? OutputMatchesPeer { get; init; }
}

public sealed record PhaseResult
{
    public required int Concurrency { get; init; }

    public required int Executions { get; init; }

    public required double Seconds { get; init; }

    public required double ExecutionsPerSecond { get; init; }

    public required LatencySummary LatencyMs { get; init; }

    /// <summary>
    /// Processor time (user + system, all threads: JIT and GC included) per execution. Less sensitive than wall time
    /// to other processes competing for the cores.
    /// </summary>
    public required double CpuMsPerExecution { get; init; }

    /// <summary>Managed bytes allocated per execution in this phase (.NET only: GC.GetTotalAllocatedBytes).</summary>
    public double? AllocatedBytesPerExecution { get; init; }

    /// <summary>.NET only: garbage collections during the phase by generation (0, 1, 2) and the time the GC paused the process.</summary>
    public GcSummary? Gc { get; init; }
}

public sealed record GcSummary(int Gen0, int Gen1, int Gen2, double PauseMs, long HeapBytesAfter);

public sealed record LatencySummary(double Mean, double P50, double P90, double P99, double Max);

public sealed record MachineInfo(string Os, int Cores, long MemoryBytes, string Cpu, string DotnetVersion, string? NodeVersion, string LoadAverage, DateTimeOffset Date, string EngineRevision, string GarbageCollector);

public sealed record BenchReport(MachineInfo Machine, string Command, IReadOnlyList<DefinitionResult> Ours, IReadOnlyList<DefinitionResult> Peer);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DefinitionResult))]
[JsonSerializable(typeof(List<DefinitionResult>))]
[JsonSerializable(typeof(BenchReport))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
