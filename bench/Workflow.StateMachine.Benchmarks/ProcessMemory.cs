namespace Workflow.StateMachine.Benchmarks;

/// <summary>Reads the kernel's view of this process's memory (Linux /proc), which counts the runtime and JIT too.</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM) in bytes; falls back to the current working set elsewhere.</summary>
    public static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    return kilobytes * 1024;
                }
            }
        }

        return Environment.WorkingSet;
    }
}
