using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Workflow.Local.LoadTest;

/// <summary>
/// The local runtime started as its own process (<c>dotnet Workflow.Local.dll</c>), so its memory is measured apart from
/// the load generator. Ready when the start-up banner has printed the API and DynamoDB URLs.
/// </summary>
internal sealed partial class RuntimeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RuntimeProcess(Process process, Uri apiUrl, Uri dynamoDbUrl, string dataDirectory)
    {
        _process = process;
        ApiUrl = apiUrl;
        DynamoDbUrl = dynamoDbUrl;
        DataDirectory = dataDirectory;
    }

    public Uri ApiUrl { get; }

    public Uri DynamoDbUrl { get; }

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    public static async Task<RuntimeProcess> StartAsync(string repoRoot, string template, TimeSpan timeout)
    {
        var host = HostAssembly(repoRoot);
        var dataDirectory = Directory.CreateTempSubdirectory("workflow-loadtest-").FullName;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repoRoot,
        };
        foreach (var argument in new[] { host, "--template", template, "--port", "0", "--data-dir", dataDirectory, "--log-format", "json" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dotnet");
        Uri? api = null;
        Uri? dynamo = null;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tail = new Queue<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }

            if (BannerUrl("HTTP API", line) is { } a)
            {
                api = a;
            }
            else if (BannerUrl("DynamoDB", line) is { } d)
            {
                dynamo = d;
            }
            else if (line.TrimStart().StartsWith("Ready in", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (first != ready.Task || api is null || dynamo is null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            string lastLines;
            lock (tail)
            {
                lastLines = string.Join(Environment.NewLine, tail);
            }

            throw new InvalidOperationException($"the local runtime did not become ready:{Environment.NewLine}{lastLines}");
        }

        return new RuntimeProcess(process, api, dynamo, dataDirectory);
    }

    /// <summary>The runtime's build output for this program's configuration (built first through the project reference).</summary>
    private static string HostAssembly(string repoRoot)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent?.Name ?? "Release";
        var path = Path.Combine(repoRoot, "local", "Workflow.Local", "bin", configuration, framework.Name, "Workflow.Local.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build the local runtime first: {path} is missing", path);
    }

    private static Uri? BannerUrl(string label, string line)
    {
        var match = BannerLine().Match(line);
        return match.Success && match.Groups["label"].Value == label ? new Uri(match.Groups["url"].Value) : null;
    }

    [GeneratedRegex(@"^\s{2}(?<label>HTTP API|DynamoDB)\s+(?<url>http://\S+)")]
    private static partial Regex BannerLine();

    /// <summary>Stops the runtime like Ctrl+C (SIGINT) and waits for its clean exit; deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var signal = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync().ConfigureAwait(false);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
