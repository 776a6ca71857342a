using System.Globalization;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>Command-line options of the benchmark; both engines run with the same values.</summary>
public sealed record BenchOptions
{
    public static readonly string[] AllDefinitions = ["a-pass-choice-chain", "b-parallel-10x3", "c-map-1000", "d-intrinsics-chain"];

    public IReadOnlyList<string> Definitions { get; init; } = AllDefinitions;

    public string? BenchDir { get; init; }

    /// <summary>Seconds of each measured phase (sequential, concurrent) when <see cref="Executions"/> is not set.</summary>
    public double DurationSeconds { get; init; } = 5;

    /// <summary>A fixed number of executions per measured phase (overrides the duration).</summary>
    public int? Executions { get; init; }

    public double WarmupSeconds { get; init; } = 2;

    /// <summary>Executions in flight at once in the concurrent phase.</summary>
    public int Concurrency { get; init; } = 8;

    public bool ComparePeer { get; init; }

    /// <summary>Markdown file whose <c>## State machine engine</c> section is (re)written with the results.</summary>
    public string? WritePath { get; init; }

    public string? JsonPath { get; init; }

    /// <summary>Internal: run the definitions in this process and print the JSON result (used per definition by the parent).</summary>
    public bool Child { get; init; }

    /// <summary>
    /// Closed executions the engine keeps describable (<c>MaxRetainedClosedExecutions</c>); the peer keeps none.
    /// 0 means no limit (the engine's default, every execution and its history stays in memory).
    /// </summary>
    public int RetainClosed { get; init; } = 16;

    /// <summary>Diagnostic: print the allocated bytes per type (sampled by the runtime) to stderr.</summary>
    public bool ProfileAllocations { get; init; }

    public const string Usage = """
        Usage: Workflow.StateMachine.Benchmarks [options]
          --definitions a,b,c,d   definitions to run (names or their a/b/c/d prefixes; default: all four)
          --bench-dir DIR         folder with X.asl.json + X.input.json (default: ../shared/bench beside Workflow.sln)
          --duration SECONDS      length of each measured phase (default 5)
          --executions N          fixed executions per measured phase instead of a duration
          --warmup SECONDS        warm-up before measuring (default 2)
          --concurrency N         executions in flight in the concurrent phase (default 8)
          --compare-peer          also run the aws-local-stepfunctions peer (bench/peer) with the same settings
          --write FILE            write the results as the '## State machine engine' section of FILE (e.g. BENCHMARKS.md)
          --json FILE             write the raw results as JSON
        diagnostics:
          --retain-closed N       closed executions our engine keeps describable (default 16; 0 = keep all)
          --profile-allocations   print sampled allocated bytes per type to stderr
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchUsageException($"{name} needs a value");
            options = name switch
            {
                "--definitions" => options with { Definitions = ResolveDefinitions(Value()) },
                "--bench-dir" => options with { BenchDir = Value() },
                "--duration" => options with { DurationSeconds = PositiveDouble(name, Value()) },
                "--executions" => options with { Executions = PositiveInt(name, Value()) },
                "--warmup" => options with { WarmupSeconds = NonNegativeDouble(name, Value()) },
                "--concurrency" => options with { Concurrency = PositiveInt(name, Value()) },
                "--compare-peer" => options with { ComparePeer = true },
                "--write" => options with { WritePath = Value() },
                "--json" => options with { JsonPath = Value() },
                "--child" => options with { Child = true },
                "--retain-closed" => options with { RetainClosed = NonNegativeInt(name, Value()) },
                "--profile-allocations" => options with { ProfileAllocations = true },
                _ => throw new BenchUsageException($"unknown option '{name}'"),
            };
        }

        return options;
    }

    /// <summary>The arguments a child process needs to run one definition exactly like this run.</summary>
    public IEnumerable<string> ChildArguments(string definition, string benchDir)
    {
        yield return "--child";
        yield return "--definitions";
        yield return definition;
        yield return "--bench-dir";
        yield return benchDir;
        foreach (var arg in MeasurementArguments().Concat(DiagnosticArguments()))
        {
            yield return arg;
        }
    }

    /// <summary>The phase settings, spelled the same for the .NET child and the node peer.</summary>
    public IEnumerable<string> MeasurementArguments()
    {
        if (Executions is { } n)
        {
            yield return "--executions";
            yield return n.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            yield return "--duration";
            yield return DurationSeconds.ToString(CultureInfo.InvariantCulture);
        }

        yield return "--warmup";
        yield return WarmupSeconds.ToString(CultureInfo.InvariantCulture);
        yield return "--concurrency";
        yield return Concurrency.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The .NET-only switches, passed on to the child processes.</summary>
    public IEnumerable<string> DiagnosticArguments()
    {
        yield return "--retain-closed";
        yield return RetainClosed.ToString(CultureInfo.InvariantCulture);

        if (ProfileAllocations)
        {
            yield return "--profile-allocations";
        }
    }

    private static string[] ResolveDefinitions(string list) =>
    [
        .. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item =>
            AllDefinitions.FirstOrDefault(d => d == item || d.StartsWith(item + "-", StringComparison.Ordinal))
            ?? throw new BenchUsageException($"unknown definition '{item}' (known: {string.Join(", ", AllDefinitions)})")),
    ];

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BenchUsageException($"{name} must be a positive integer, got '{text}'");

    private static int NonNegativeInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BenchUsageException($"{name} must be zero or a positive integer, got '{text}'");

    private static double PositiveDouble(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BenchUsageException($"{name} must be a positive number, got '{text}'");

    private static double NonNegativeDouble(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new BenchUsageException($"{name} must be zero or a positive number, got '{text}'");
}

public sealed class BenchUsageException(string message) : Exception(message);
