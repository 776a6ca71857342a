using System.Globalization;

namespace Workflow.Local.LoadTest;

/// <summary>
/// Samples the resident memory of a process and of its whole tree (function workers, dynalite) from /proc while the
/// load runs; the process's own peak also comes from the kernel's high-water mark (VmHWM), which no sample can miss.
/// </summary>
internal sealed class ProcessTreeMemory : IAsyncDisposable
{
    private readonly int _root;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    public ProcessTreeMemory(int root)
    {
        _root = root;
        _sampler = Task.Run(SampleAsync);
    }

    public long PeakTreeBytes { get; private set; }

    public int PeakTreeProcesses { get; private set; }

    /// <summary>The root process's peak resident set (VmHWM).</summary>
    public long RootPeakBytes => Status(_root, "VmHWM:") ?? 0;

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var tree = Tree();
            var total = tree.Sum(pid => Status(pid, "VmRSS:") ?? 0);
            if (total > PeakTreeBytes)
            {
                PeakTreeBytes = total;
                PeakTreeProcesses = tree.Count;
            }

            try
            {
                await Task.Delay(100, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private List<int> Tree()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        var tree = new List<int> { _root };
        for (var i = 0; i < tree.Count; i++)
        {
            if (children.TryGetValue(tree[i], out var list))
            {
                tree.AddRange(list);
            }
        }

        return tree;
    }

    private static long? Status(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampler.ConfigureAwait(false);
        _stop.Dispose();
    }
}
