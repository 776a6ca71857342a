using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Benchmarks;

try
{
    var options = BenchOptions.Parse(args);
    if (options.Child)
    {
        // Child mode: one definition in this process, JSON result on stdout for the parent.
        var benchDir = BenchFiles.BenchDirectory(options.BenchDir);
        using var sampler = options.ProfileAllocations ? new AllocationSampler() : null;
        foreach (var name in options.Definitions)
        {
            var result = await new EngineBench(BenchFiles.Load(benchDir, name), options).RunAsync().ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(result, BenchJsonContext.Default.DefinitionResult));
            if (sampler is not null)
            {
                Console.Error.WriteLine($"{name}: {sampler.Report(25)}");
            }
        }

        return 0;
    }

    return await RunAllAsync(options, args).ConfigureAwait(false);
}
catch (BenchUsageException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"benchmark failed: {ex.Message}");
    return 1;
}

static async Task<int> RunAllAsync(BenchOptions options, string[] args)
{
#if DEBUG
    if (options.WritePath is not null)
    {
        throw new BenchUsageException("refusing to --write numbers from a Debug build; run with -c Release");
    }
#endif
    var root = BenchFiles.RepositoryRoot();
    var benchDir = BenchFiles.BenchDirectory(options.BenchDir);
    var peer = options.ComparePeer ? new PeerBench(root) : null;
    if (peer is not null)
    {
        await peer.EnsureInstalledAsync().ConfigureAwait(false);
    }

    var machine = Machine.Describe(peer is null ? null : PeerBench.NodeVersion(), root);
    var (self, prefix) = ChildProcess.Self();
    var ours = new List<DefinitionResult>();
    var peers = new List<DefinitionResult>();
    foreach (var name in options.Definitions)
    {
        Console.Error.WriteLine($"{name}: {EngineBench.EngineName} (load {Machine.LoadAverage()})");
        var mine = await ChildProcess.RunAsync(self, [.. prefix, .. options.ChildArguments(name, benchDir)], root, $"engine {name}").ConfigureAwait(false);
        if (peer is not null)
        {
            Console.Error.WriteLine($"{name}: aws-local-stepfunctions (load {Machine.LoadAverage()})");
            var theirs = await peer.RunAsync(name, benchDir, options).ConfigureAwait(false);
            mine = mine with { OutputMatchesPeer = SameJson(mine.Output, theirs.Output) };
            peers.Add(theirs with { Output = null });
        }

        ours.Add(mine with { Output = null });
    }

    var command = "dotnet run -c Release --project bench/Workflow.StateMachine.Benchmarks -- " + string.Join(' ', args);
    var report = new BenchReport(machine, command.TrimEnd(), ours, peers);
    var notesPath = Path.Combine(root, "bench", "results", "state-machine-engine-notes.md");
    var notes = File.Exists(notesPath) ? await File.ReadAllTextAsync(notesPath).ConfigureAwait(false) : null;
    var markdown = MarkdownReport.Render(report, options, notes);
    Console.WriteLine(markdown);

    var jsonPath = options.JsonPath ?? (options.WritePath is null ? null : Path.Combine(root, "bench", "results", "state-machine-engine.json"));
    if (jsonPath is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport) + "\n").ConfigureAwait(false);
        Console.Error.WriteLine($"wrote {jsonPath}");
    }

    if (options.WritePath is { } path)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path).ConfigureAwait(false) : null;
        await File.WriteAllTextAsync(path, MarkdownReport.MergeInto(existing, markdown)).ConfigureAwait(false);
        Console.Error.WriteLine($"wrote {path}");
    }

    var broken = ours.Where(r => r.OutputMatchesPeer == false).Select(r => r.Definition).ToList();
    if (broken.Count > 0)
    {
        Console.Error.WriteLine($"warning: outputs differ from the peer on {string.Join(", ", broken)}");
    }

    return 0;
}

static bool SameJson(string? a, string? b) =>
    a is not null && b is not null && (a == b || JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b)));
