using System.Globalization;
using System.Runtime.InteropServices;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
public static class Machine
{
    public static MachineInfo Describe(string? nodeVersion, string repositoryRoot) => new(
        RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        CpuModel(),
        RuntimeInformation.FrameworkDescription,
        nodeVersion,
        LoadAverage(),
        DateTimeOffset.UtcNow,
        EngineRevision(repositoryRoot),
        GarbageCollector());

    private static string GarbageCollector()
    {
        var kind = System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";
        var background = System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "background GC off" : "background GC on";
        return $"{kind}, {background}";
    }

    /// <summary>The commit the engine was built from, and whether its folder had uncommitted changes.</summary>
    private static string EngineRevision(string repositoryRoot)
    {
        var commit = Git(repositoryRoot, "rev-parse", "--short", "HEAD");
        if (commit is null)
        {
            return "unknown";
        }

        var changes = Git(repositoryRoot, "status", "--porcelain", "--", "engine/Workflow.StateMachine");
        return string.IsNullOrEmpty(changes) ? commit : commit + " + uncommitted engine changes";
    }

    private static string? Git(string workingDirectory, params string[] arguments)
    {
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in arguments)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = System.Diagnostics.Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>1/5/15-minute load averages, so a reader can judge how busy the machine was.</summary>
    public static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        if (!File.Exists(loadavg))
        {
            return "unknown";
        }

        var parts = File.ReadAllText(loadavg).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture)));
    }
}
