using System.Diagnostics;

namespace Workflow.Local.Functions;

/// <summary>One running worker (a Lambda execution environment): one invocation at a time.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _stderrPump;
    private int _disposed;

    private WorkerProcess(Process process, Task stderrPump)
    {
        _process = process;
        _stderrPump = stderrPump;
    }

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The exit code once the process has ended (its stdout closes a moment before the exit is observed).</summary>
    public async Task<int?> WaitForExitCodeAsync(TimeSpan patience)
    {
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(patience).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return _process.ExitCode;
    }

    /// <summary>Starts the worker and waits for its init to finish; an init failure comes back as the error document.</summary>
    public static async Task<(WorkerProcess? Worker, byte[]? InitError)> StartAsync(
        WorkerLauncher launcher, string artifactsDirectory, string handler, IReadOnlyDictionary<string, string> environment,
        Action<string> log, TimeSpan initTimeout, TimeProvider time, CancellationToken ct)
    {
        var process = launcher.Start(artifactsDirectory, handler, environment);
        var pump = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                log(line);
            }
        }, CancellationToken.None);
        var worker = new WorkerProcess(process, pump);
        using var timeout = new CancellationTokenSource(initTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var frame = await WorkerProtocol.ReadAsync(process.StandardOutput.BaseStream, linked.Token).ConfigureAwait(false);
            switch (frame)
            {
                case { Kind: WorkerProtocol.Ready }:
                    return (worker, null);
                case { Kind: WorkerProtocol.InitError } error:
                    await worker.DisposeAsync().ConfigureAwait(false);
                    return (null, error.Payload);
                default:
                    await worker.DisposeAsync().ConfigureAwait(false);
                    await pump.ConfigureAwait(false);
                    return (null, LambdaError.Create("Runtime.ExitError",
                        $"Runtime exited during init{(process.HasExited ? $" with exit status {process.ExitCode}" : "")}"));
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            return (null, LambdaError.Create("Sandbox.Timedout", $"Init timed out after {initTimeout.TotalSeconds:0.00} seconds"));
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends one invocation; null when the process ended before answering (crash or kill).</summary>
    public async Task<(byte Kind, byte[] Payload)?> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        try
        {
            await WorkerProtocol.WriteAsync(_process.StandardInput.BaseStream, WorkerProtocol.Invoke, payload, ct).ConfigureAwait(false);
            return await WorkerProtocol.ReadAsync(_process.StandardOutput.BaseStream, ct).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await _stderrPump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // The process is already gone (or never produced its final output): nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Closes stdin so the worker ends its loop by itself, then waits briefly before killing it.</summary>
    public async ValueTask StopAsync(TimeSpan grace)
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(grace).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException)
        {
            // Falls through to the kill in DisposeAsync.
        }

        await DisposeAsync().ConfigureAwait(false);
    }
}
