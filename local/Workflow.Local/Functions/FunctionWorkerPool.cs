using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Workflow.Local.Metrics;
using Workflow.Local.Template;

namespace Workflow.Local.Functions;

/// <summary>
/// The execution environments of one function: up to <c>maxWorkers</c> worker processes, each running one invocation
/// at a time and reused warm. A timed-out or crashed worker is discarded and the next invocation starts a fresh one.
/// </summary>
internal sealed class FunctionWorkerPool : IAsyncDisposable
{
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(30);

    private readonly FunctionModel _function;
    private readonly string _artifactsDirectory;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly WorkerLauncher _launcher;
    private readonly ILogger _logger;
    private readonly LocalMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<WorkerProcess> _idle = [];
    private readonly ConcurrentDictionary<WorkerProcess, byte> _all = new();
    private int _inFlight;
    private volatile bool _stopping;

    public FunctionWorkerPool(
        FunctionModel function, string artifactsDirectory, IReadOnlyDictionary<string, string> environment,
        WorkerLauncher launcher, int maxWorkers, ILogger logger, TimeProvider time, LocalMetrics metrics)
    {
        _metrics = metrics;
        _function = function;
        _artifactsDirectory = artifactsDirectory;
        _environment = environment;
        _launcher = launcher;
        _logger = logger;
        _time = time;
        _slots = new SemaphoreSlim(Math.Max(1, maxWorkers));
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task<FunctionInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        if (_stopping)
        {
            return Failure("Runtime.Shutdown", "The local runtime is shutting down.");
        }

        await _slots.WaitAsync(ct).ConfigureAwait(false);
        Interlocked.Increment(ref _inFlight);
        var requestId = Guid.NewGuid().ToString();
        try
        {
            // Shutdown may have begun while this call waited for a slot: starting a worker now would outlive StopAsync.
            if (_stopping)
            {
                return Failure("Runtime.Shutdown", "The local runtime is shutting down.");
            }

            if (!_idle.TryTake(out var worker))
            {
                var (started, initError) = await WorkerProcess.StartAsync(
                    _launcher, _artifactsDirectory, _function.Handler, _environment, Log, InitTimeout, _time, ct).ConfigureAwait(false);
                if (started is null)
                {
                    var (type, message) = LambdaError.Parse(initError);
                    _logger.LogError("{Function} init failed: {ErrorType}: {ErrorMessage}", _function.FunctionName, type, message);
                    return new FunctionInvocationResult(initError, "Unhandled", type, message);
                }

                worker = started;
                _all[worker] = 0;
            }

            return await RunAsync(worker, requestId, payload, ct).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }

    private async Task<FunctionInvocationResult> RunAsync(WorkerProcess worker, string requestId, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(_function.TimeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        (byte Kind, byte[] Payload)? frame;
        try
        {
            frame = await worker.InvokeAsync(payload, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await DiscardAsync(worker).ConfigureAwait(false);
            if (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                var message = string.Create(CultureInfo.InvariantCulture,
                    $"{_time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {requestId} Task timed out after {timeout.TotalSeconds:0.00} seconds");
                _logger.LogWarning("{Function} {Message}", _function.FunctionName, message);
                return Failure("Sandbox.Timedout", message);
            }

            throw;
        }
        catch
        {
            // A worker whose conversation broke (e.g. a malformed frame) is neither idle nor busy: stop it now, not at shutdown.
            await DiscardAsync(worker).ConfigureAwait(false);
            throw;
        }

        switch (frame)
        {
            case { Kind: WorkerProtocol.Result } result:
                Return(worker);
                return FunctionInvocationResult.Success(result.Payload);
            case { Kind: WorkerProtocol.Error } error:
                Return(worker);
                var (type, message) = LambdaError.Parse(error.Payload);
                return new FunctionInvocationResult(error.Payload, "Unhandled", type, message);
            default:
                var exitCode = await worker.WaitForExitCodeAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                await DiscardAsync(worker).ConfigureAwait(false);
                var text = $"RequestId: {requestId} Error: Runtime exited{(exitCode is { } code ? $" with error: exit status {code}" : " without providing a reason")}";
                _logger.LogError("{Function} {Message}", _function.FunctionName, text);
                return Failure("Runtime.ExitError", text);
        }
    }

    private void Return(WorkerProcess worker)
    {
        if (_stopping || worker.HasExited)
        {
            _ = DiscardAsync(worker).AsTask();
            return;
        }

        _idle.Add(worker);
    }

    private async ValueTask DiscardAsync(WorkerProcess worker)
    {
        _all.TryRemove(worker, out _);
        await worker.DisposeAsync().ConfigureAwait(false);
    }

    private static FunctionInvocationResult Failure(string type, string message) =>
        new(LambdaError.Create(type, message), "Unhandled", type, message);

    /// <summary>A line the function wrote: logged, and counted when it carries embedded metrics (as CloudWatch Logs would).</summary>
    private void Log(string line)
    {
        _logger.LogInformation("[{Function}] {Line}", _function.FunctionName, line);
        _metrics.Record(line);
    }

    /// <summary>Stops taking invocations, waits for the running ones until <paramref name="drainDeadline"/>, then stops every worker.</summary>
    public async Task StopAsync(CancellationToken drainDeadline)
    {
        _stopping = true;
        while (InFlight > 0 && !drainDeadline.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), drainDeadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_all.Keys.Select(w => w.StopAsync(TimeSpan.FromSeconds(2)).AsTask())).ConfigureAwait(false);
        _all.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        using var none = new CancellationTokenSource();
        await none.CancelAsync().ConfigureAwait(false);
        // The semaphore is not disposed: an invocation still finishing after shutdown releases its slot into it.
        await StopAsync(none.Token).ConfigureAwait(false);
    }
}
