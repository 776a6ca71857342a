using System.Globalization;
using System.Runtime.InteropServices;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
public static class Machine
{
    public static MachineInfo Describe(string? nodeVersion) => new(
        RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        CpuModel(),
        RuntimeInformation.FrameworkDescription,
        nodeVersion,
        LoadAverage(),
        DateTimeOffset.UtcNow);

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
