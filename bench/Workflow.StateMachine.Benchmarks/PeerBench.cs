using System.Diagnostics;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>
/// The peer engine: bench/peer/run.mjs runs the same files through the aws-local-stepfunctions npm package
/// (installed with <c>npm ci</c> from the committed lock file when node_modules is missing).
/// </summary>
public sealed class PeerBench(string repositoryRoot)
{
    private readonly string peerDir = Path.Combine(repositoryRoot, "bench", "peer");

    public async Task EnsureInstalledAsync()
    {
        if (Directory.Exists(Path.Combine(peerDir, "node_modules", "aws-local-stepfunctions")))
        {
            return;
        }

        Console.Error.WriteLine($"peer: npm ci in {peerDir}");
        var exit = await RunToConsoleAsync("npm", ["ci", "--no-audit", "--no-fund"]).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"peer: 'npm ci' in {peerDir} failed with exit code {exit}");
        }
    }

    public Task<DefinitionResult> RunAsync(string definition, string benchDir, BenchOptions options)
    {
        string[] arguments = ["run.mjs", "--definitions", definition, "--bench-dir", benchDir, .. options.MeasurementArguments()];
        return ChildProcess.RunAsync("node", arguments, peerDir, $"peer {definition}");
    }

    public static string? NodeVersion()
    {
        try
        {
            var info = new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private async Task<int> RunToConsoleAsync(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = peerDir, UseShellExecute = false };
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }
}
