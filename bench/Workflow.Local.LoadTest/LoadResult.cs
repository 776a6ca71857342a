namespace Workflow.Local.LoadTest;

/// <summary>What one load run measured and found.</summary>
internal sealed record LoadResult
{
    public required int Submitted { get; init; }

    public required int Succeeded { get; init; }

    public required int Executions { get; init; }

    public required TimeSpan SubmitDuration { get; init; }

    public required TimeSpan EndToEndDuration { get; init; }

    public required Percentiles SubmitLatency { get; init; }

    public required Percentiles CompletionLatency { get; init; }

    public long? HostPeakBytes { get; init; }

    public long? TreePeakBytes { get; init; }

    public int? TreePeakProcesses { get; init; }

    /// <summary>Lost, duplicated or unsuccessful jobs; empty when every check passed.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    public required string Target { get; init; }

    /// <summary>The machine's load averages when the run started.</summary>
    public required string LoadAverageBefore { get; init; }
}
