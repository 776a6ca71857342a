using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Workflow.DynamoDbServer;

/// <summary>
/// A dynalite (DynamoDB-compatible) server running in a child node process on 127.0.0.1. Disposing it stops the
/// server cleanly, or kills its process tree when it does not stop in time.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(25);

    private readonly Process _process;
    private readonly Action<string> _log;
    private readonly OutputTail _stderr;
    private int _disposed;

    private DynaliteServer(Process process, int port, Action<string> log, OutputTail stderr)
    {
        _process = process;
        _log = log;
        _stderr = stderr;
        Port = port;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }

    /// <summary>The server's base address, for example <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri Endpoint { get; }

    public int Port { get; }

    /// <summary>The node process id, for diagnostics.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the server process has ended (it should only end through <see cref="DisposeAsync"/>).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server and returns once it answers DynamoDB requests.</summary>
    /// <exception cref="PortInUseException">The requested port is taken.</exception>
    /// <exception cref="DynamoDbServerException">node or dynalite is missing, or the server did not come up in time.</exception>
    public static async Task<DynaliteServer> StartAsync(DynaliteOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be between 0 and 65535.");
        }

        var log = options.Log ?? (_ => { });
        var node = DynaliteInstallation.ResolveNode(options.NodeExecutable);
        var directory = DynaliteInstallation.ResolveDirectory(options.DynaliteDirectory);
        string? dataDirectory = null;
        if (options.DataDirectory is not null)
        {
            dataDirectory = Path.GetFullPath(options.DataDirectory);
            Directory.CreateDirectory(dataDirectory);
        }

        var started = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.StartupTimeout);

        var stderr = new OutputTail();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Launch(node, directory, LauncherArguments(options, dataDirectory), options, log, stderr, listening);
        try
        {
            int port;
            try
            {
                port = await listening.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new DynamoDbServerException(
                    $"dynalite did not start listening within {options.StartupTimeout.TotalSeconds:0.#} s.{stderr.Describe()}");
            }

            var server = new DynaliteServer(process, port, log, stderr);
            await server.WaitUntilAnsweringAsync(options.StartupTimeout, deadline.Token, ct).ConfigureAwait(false);
            log(string.Create(
                CultureInfo.InvariantCulture,
                $"dynalite ready at {server.Endpoint} ({(dataDirectory is null ? "in memory" : "data in " + dataDirectory)}) after {started.ElapsedMilliseconds} ms"));
            return server;
        }
        catch
        {
            await Stop(process, log).ConfigureAwait(false);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Stop(_process, _log).ConfigureAwait(false);
        _process.Dispose();
    }

    private static string LauncherArguments(DynaliteOptions options, string? dataDirectory) =>
        JsonSerializer.Serialize(
            new LauncherArguments(options.Port, "127.0.0.1", dataDirectory, (int)options.TableTransitionDelay.TotalMilliseconds),
            LauncherJsonContext.Default.LauncherArguments);

    private static Process Launch(
        string node,
        string directory,
        string arguments,
        DynaliteOptions options,
        Action<string> log,
        OutputTail stderr,
        TaskCompletionSource<int> listening)
    {
        var startInfo = new ProcessStartInfo(node)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        startInfo.ArgumentList.Add(Path.Combine(directory, DynaliteInstallation.LauncherScript));
        startInfo.ArgumentList.Add(arguments);
        if (options.Region is not null)
        {
            startInfo.Environment["AWS_REGION"] = options.Region;
        }

        if (options.AccountId is not null)
        {
            startInfo.Environment["AWS_ACCOUNT_ID"] = options.AccountId;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            switch (LauncherMessage.TryParse(e.Data))
            {
                case { Event: "listening" } message:
                    listening.TrySetResult(message.Port);
                    break;
                case { Event: "error", Code: "EADDRINUSE" }:
                    listening.TrySetException(new PortInUseException(options.Port));
                    break;
                case { Event: "error" } message:
                    // Also kept in the tail: after start-up the failure surfaces through the process exit instead.
                    stderr.Add($"{message.Message} ({message.Code})");
                    listening.TrySetException(new DynamoDbServerException($"dynalite failed: {message.Message} ({message.Code})"));
                    log("dynalite: " + message.Message);
                    break;
                default:
                    log("dynalite: " + e.Data);
                    break;
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Add(e.Data);
                log("dynalite: " + e.Data);
            }
        };
        process.Exited += (_, _) =>
        {
            try
            {
                // Drain stdout first so a launcher error line (port in use, say) wins over this generic report.
                process.WaitForExit();
                log(string.Create(CultureInfo.InvariantCulture, $"dynalite (pid {process.Id}) exited with code {process.ExitCode}"));
            }
            catch (InvalidOperationException)
            {
                // DisposeAsync released the process object first: it was a requested stop, nothing to report.
            }

            listening.TrySetException(new DynamoDbServerException($"dynalite exited before it started listening.{stderr.Describe()}"));
        };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new DynamoDbServerException($"Could not start '{node}': {exception.Message}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken deadline, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            while (!await ReadinessProbe.IsReadyAsync(http, Endpoint, deadline).ConfigureAwait(false))
            {
                if (_process.HasExited)
                {
                    _process.WaitForExit(); // drain the output so the launcher's own error line is in the tail
                    throw new DynamoDbServerException($"dynalite exited while starting (exit code {_process.ExitCode}).{_stderr.Describe()}");
                }

                await Task.Delay(ProbeInterval, deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new DynamoDbServerException(
                $"dynalite at {Endpoint} did not answer within {timeout.TotalSeconds:0.#} s.{_stderr.Describe()}");
        }
    }

    private static async Task Stop(Process process, Action<string> log)
    {
        if (process.HasExited)
        {
            return;
        }

        try
        {
            // launch.js treats end of stdin as the request to shut down cleanly and flush LevelDB.
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe is already gone; the kill below still applies.
        }

        using var grace = new CancellationTokenSource(GracefulStopTimeout);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            log($"dynalite (pid {process.Id}) did not stop within {GracefulStopTimeout.TotalSeconds:0} s; killing it");
        }

        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
