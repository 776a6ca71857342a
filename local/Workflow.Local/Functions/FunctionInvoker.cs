using Microsoft.Extensions.Logging;
using Workflow.Local.Hosting;
using Workflow.Local.Metrics;
using Workflow.Local.Template;

namespace Workflow.Local.Functions;

/// <summary>
/// Runs the template's functions out of process (see <see cref="FunctionWorker"/>), one pool of workers per function.
/// Workers start lazily, after the host URL and the DynamoDB endpoint are known.
/// </summary>
public sealed class FunctionInvoker : IFunctionInvoker, IAsyncDisposable
{
    private readonly Dictionary<string, Lazy<FunctionWorkerPool>> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionModel> _byName = new(StringComparer.Ordinal);

    public FunctionInvoker(
        ApplicationModel model, FunctionArtifacts artifacts, LocalEndpoints endpoints, LocalRuntimeOptions options,
        WorkerLauncher launcher, ILoggerFactory loggers, LocalMetrics metrics)
    {
        var logger = loggers.CreateLogger("Workflow.Local.Functions");
        foreach (var function in model.Functions)
        {
            var pool = new Lazy<FunctionWorkerPool>(() =>
            {
                var directory = artifacts.DirectoryOf(function.LogicalId);
                var environment = FunctionEnvironment.For(function, model, directory, endpoints.HostUrl, endpoints.DynamoDbEndpoint);
                return new FunctionWorkerPool(function, directory, environment, launcher, options.MaxConcurrencyPerFunction, logger, options.TimeProvider, metrics);
            }, LazyThreadSafetyMode.ExecutionAndPublication);
            _pools[function.LogicalId] = pool;
            _byName[function.LogicalId] = function;
            _byName[function.FunctionName] = function;
            _byName[function.Arn] = function;
        }
    }

    public bool FunctionExists(string functionNameOrArn) => Resolve(functionNameOrArn) is not null;

    public Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var function = Resolve(functionNameOrArn) ?? throw new FunctionNotFoundException(functionNameOrArn);
        return _pools[function.LogicalId].Value.InvokeAsync(payload, ct);
    }

    /// <summary>Name, logical id, ARN, <c>name:$LATEST</c>, or ARN with the <c>$LATEST</c> qualifier.</summary>
    public FunctionModel? Resolve(string functionNameOrArn)
    {
        if (_byName.TryGetValue(functionNameOrArn, out var function))
        {
            return function;
        }

        const string latest = ":$LATEST";
        if (functionNameOrArn.EndsWith(latest, StringComparison.Ordinal))
        {
            return Resolve(functionNameOrArn[..^latest.Length]);
        }

        // Partial ARN forms Lambda accepts: "123456789012:function:name".
        var marker = functionNameOrArn.LastIndexOf(":function:", StringComparison.Ordinal);
        return marker >= 0 && _byName.TryGetValue(functionNameOrArn[(marker + ":function:".Length)..], out function)
            && functionNameOrArn.Length > 0 ? function : null;
    }

    /// <summary>Stops taking new invocations, lets the running ones finish until the deadline, then stops every worker.</summary>
    public async Task StopAsync(CancellationToken drainDeadline) =>
        await Task.WhenAll(_pools.Values.Where(p => p.IsValueCreated).Select(p => p.Value.StopAsync(drainDeadline))).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools.Values.Where(p => p.IsValueCreated))
        {
            await pool.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
