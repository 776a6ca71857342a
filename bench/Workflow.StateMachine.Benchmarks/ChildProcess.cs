using System.Diagnostics;
using System.Text.Json;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>
/// Runs a benchmark process for one definition and reads the JSON result it prints. One process per definition
/// keeps each definition's peak memory its own (a process's high-water mark never goes down).
/// </summary>
public static class ChildProcess
{
    public static async Task<DefinitionResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, string what)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{what}: could not start {fileName}");
        var stdout = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what}: {fileName} exited with code {process.ExitCode}");
        }

        try
        {
            return JsonSerializer.Deserialize(stdout, BenchJsonContext.Default.DefinitionResult)
                ?? throw new InvalidOperationException($"{what}: empty result");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{what}: result is not JSON ({ex.Message}): {Truncate(stdout)}", ex);
        }
    }

    /// <summary>How to start this very benchmark again (apphost, or <c>dotnet Workflow.StateMachine.Benchmarks.dll</c>).</summary>
    public static (string FileName, string[] Prefix) Self()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("unknown process path");
        var isDotnetHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? (processPath, [typeof(ChildProcess).Assembly.Location]) : (processPath, []);
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
