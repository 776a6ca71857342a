using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.History;
using Workflow.StateMachine.Persistence;
using Workflow.StateMachine.Runtime;

namespace Workflow.StateMachine.Api;

/// <summary>
/// Runs Amazon States Language state machines with the behaviour of AWS Step Functions (Standard): the
/// control-plane calls (create/describe/list), executions (start/stop/describe/list/history) and task tokens.
/// Executions run concurrently on the thread pool; each has its own lock, so none waits for another.
/// </summary>
public sealed class StateMachineEngine : IAsyncDisposable
{
    private readonly EngineServices services;
    private readonly ConcurrentDictionary<string, StateMachineEntry> machines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionRun> executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);
    private readonly Lock createGate = new();
    private readonly ConcurrentQueue<string> closed = new();
    private readonly int? maxRetainedClosed;
    private int disposed;

    public StateMachineEngine(StateMachineEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services = new EngineServices(options);
        maxRetainedClosed = options.MaxRetainedClosedExecutions;
        if (options.Store.PersistsProgress)
        {
            services.Saver = new ProgressSaver(options.Store);
        }

        foreach (var record in options.Store.LoadStateMachines())
        {
            ApiNames.TryParseType(record.Type, out var type);
            var graph = DefinitionParser.Parse(record.Definition);
            machines[record.Arn] = new StateMachineEntry(record.Arn, record.Name, record.Definition, record.RoleArn, type, graph, record.CreationDate, record.UpdateDate, record.RevisionId);
        }
    }

    public TimeProvider TimeProvider => services.TimeProvider;

    /// <summary>Validates a definition the way CreateStateMachine does; throws <see cref="StepFunctionsApiException"/> (InvalidDefinition).</summary>
    public static void ValidateDefinition(string definitionJson) => ParseDefinition(definitionJson);

    public StateMachineInfo CreateStateMachine(string name, string definitionJson, string roleArn, StateMachineType type = StateMachineType.Standard)
    {
        Names.Validate(name, "name");
        var graph = ParseDefinition(definitionJson);
        var arn = services.Arns.StateMachine(name);
        lock (createGate)
        {
            if (machines.TryGetValue(arn, out var existing))
            {
                if (existing.Definition == definitionJson && existing.RoleArn == roleArn && existing.Type == type)
                {
                    return existing.ToInfo();
                }

                throw new StepFunctionsApiException(ApiErrorCodes.StateMachineAlreadyExists, $"State Machine Already Exists: '{arn}'");
            }

            var now = services.TimeProvider.GetUtcNow();
            var entry = new StateMachineEntry(arn, name, definitionJson, roleArn, type, graph, now, now, Guid.NewGuid().ToString());
            machines[arn] = entry;
            Persist(entry);
            return entry.ToInfo();
        }
    }

    public StateMachineInfo UpdateStateMachine(string stateMachineArn, string? definitionJson = null, string? roleArn = null)
    {
        lock (createGate)
        {
            var existing = Machine(stateMachineArn);
            var graph = definitionJson is null ? existing.Graph : ParseDefinition(definitionJson);
            var entry = existing with
            {
                Definition = definitionJson ?? existing.Definition,
                Graph = graph,
                RoleArn = roleArn ?? existing.RoleArn,
                UpdateDate = services.TimeProvider.GetUtcNow(),
                RevisionId = Guid.NewGuid().ToString(),
            };
            machines[stateMachineArn] = entry;
            Persist(entry);
            return entry.ToInfo();
        }
    }

    public StateMachineInfo DescribeStateMachine(string stateMachineArn) => Machine(stateMachineArn).ToInfo();

    public IReadOnlyList<StateMachineInfo> ListStateMachines() =>
        [.. machines.Values.OrderBy(m => m.CreationDate).ThenBy(m => m.Name, StringComparer.Ordinal).Select(m => m.ToInfo())];

    /// <summary>
    /// Starts an execution. The same name with the same input returns the existing execution; the same name with
    /// another input throws ExecutionAlreadyExists.
    /// </summary>
    public ValueTask<ExecutionInfo> StartExecutionAsync(string stateMachineArn, string? name, string? inputJson)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var machine = Machine(stateMachineArn);
        name ??= Guid.NewGuid().ToString();
        Names.Validate(name, "name");
        var input = string.IsNullOrWhiteSpace(inputJson) ? "{}" : inputJson;
        JsonNode? inputNode;
        try
        {
            inputNode = JsonText.Parse(input);
        }
        catch (JsonException ex)
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidExecutionInput, $"Invalid State Machine Execution Input: '{ex.Message}'");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(input) > services.PayloadSizeLimit)
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidExecutionInput, "Invalid State Machine Execution Input: 'The input exceeds the maximum size of 262144 bytes'");
        }

        var arn = services.Arns.Execution(machine.Name, name);
        var run = new ExecutionRun(services, machine, name, input, inputNode, services.TimeProvider.GetUtcNow());
        var existing = executions.GetOrAdd(arn, run);
        if (!ReferenceEquals(existing, run))
        {
            if (existing.Input == input || JsonNode.DeepEquals(JsonNode.Parse(existing.Input), inputNode))
            {
                return ValueTask.FromResult(existing.Describe());
            }

            throw new StepFunctionsApiException(ApiErrorCodes.ExecutionAlreadyExists, $"Execution Already Exists: '{arn}'");
        }

        Launch(run, resuming: false);
        return ValueTask.FromResult(run.Describe());
    }

    public ExecutionInfo DescribeExecution(string executionArn) => Execution(executionArn).Describe();

    public IReadOnlyList<ExecutionInfo> ListExecutions(string stateMachineArn, ExecutionStatus? status = null)
    {
        Machine(stateMachineArn);
        return
        [
            .. executions.Values
                .Where(e => e.Machine.Arn == stateMachineArn)
                .Select(e => e.Describe())
                .Where(e => status is null || e.Status == status)
                .OrderByDescending(e => e.StartDate),
        ];
    }

    public IReadOnlyList<HistoryEvent> GetExecutionHistory(string executionArn, bool reverseOrder = false)
    {
        var events = Execution(executionArn).HistorySnapshot();
        if (reverseOrder)
        {
            Array.Reverse(events);
        }

        return events;
    }

    /// <summary>Aborts a running execution (status ABORTED); a closed one is left as it is.</summary>
    public async ValueTask<ExecutionInfo> StopExecutionAsync(string executionArn, string? error = null, string? cause = null)
    {
        var run = Execution(executionArn);
        run.StopReason ??= ExecutionStatus.Aborted;
        run.StopDetails = (error, cause);
        if (run.TryFinish(ExecutionStatus.Aborted, null, error, cause, new HistoryEvent { Type = "ExecutionAborted", Error = error, Cause = cause }))
        {
            await run.Cancellation.CancelAsync().ConfigureAwait(false);
            services.Tokens.CloseAll(run.Arn);
            services.Saver?.Save(run);
        }

        return run.Describe();
    }

    /// <summary>Waits until the execution is closed and returns its final description.</summary>
    public async Task<ExecutionInfo> WaitForCompletionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var run = Execution(executionArn);
        await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        return run.Describe();
    }

    public ValueTask SendTaskSuccessAsync(string taskToken, string outputJson)
    {
        JsonNode? output;
        try
        {
            output = JsonText.Parse(outputJson);
        }
        catch (JsonException ex)
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidOutput, $"Invalid Output: '{ex.Message}'");
        }

        Complete(taskToken, new TokenOutcome(true, output, null, null));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendTaskFailureAsync(string taskToken, string? error = null, string? cause = null)
    {
        Complete(taskToken, new TokenOutcome(false, null, error, cause));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendTaskHeartbeatAsync(string taskToken)
    {
        services.Tokens.Find(taskToken).Beat(services.TimeProvider.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Loads executions from the store and continues the unfinished ones from their last saved position
    /// (tasks waiting for a token keep waiting for the same token). Returns how many were resumed.
    /// </summary>
    public ValueTask<int> ResumeAsync()
    {
        var resumed = 0;
        foreach (var snapshot in services.Store.LoadExecutions())
        {
            if (executions.ContainsKey(snapshot.ExecutionArn) || !machines.TryGetValue(snapshot.StateMachineArn, out var machine))
            {
                continue;
            }

            var run = new ExecutionRun(services, machine, snapshot.Name, snapshot.Input, JsonText.Parse(snapshot.Input), snapshot.StartDate);
            run.LoadHistory(snapshot.History ?? []);
            ApiNames.TryParseStatus(snapshot.Status, out var status);
            if (status != ExecutionStatus.Running || snapshot.Position is null)
            {
                run.RestoreClosed(status == ExecutionStatus.Running ? ExecutionStatus.Failed : status, snapshot.Output, snapshot.Error, snapshot.Cause, snapshot.StopDate);
                executions.TryAdd(run.Arn, run);
                continue;
            }

            ProgressSaver.Restore(run, snapshot.Position);
            if (executions.TryAdd(run.Arn, run))
            {
                foreach (var token in ProgressSaver.PendingTokens(run.Root))
                {
                    services.Tokens.Register(token, run.Arn, services.TimeProvider.GetUtcNow());
                }

                Launch(run, resuming: true);
                resumed++;
            }
        }

        return ValueTask.FromResult(resumed);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Stop the flows without closing the executions: a new engine over the same store resumes them.
        foreach (var run in executions.Values)
        {
            run.Detach();
            await run.Cancellation.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(running.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Launch(ExecutionRun run, bool resuming)
    {
        var interpreter = new Interpreter(run);
        var task = Task.Run(() => interpreter.RunExecutionAsync(resuming));
        running[run.Arn] = task;
        _ = task.ContinueWith(_ => Closed(run), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Closed(ExecutionRun run)
    {
        running.TryRemove(run.Arn, out _);
        if (maxRetainedClosed is not { } limit || run.Detached)
        {
            return;
        }

        closed.Enqueue(run.Arn);
        while (closed.Count > limit && closed.TryDequeue(out var oldest))
        {
            executions.TryRemove(oldest, out _);
        }
    }

    private void Complete(string taskToken, TokenOutcome outcome)
    {
        var pending = services.Tokens.Find(taskToken);
        if (!pending.Outcome.TrySetResult(outcome))
        {
            throw new StepFunctionsApiException(ApiErrorCodes.TaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'");
        }
    }

    private void Persist(StateMachineEntry entry) => services.Store.SaveStateMachine(new StateMachineRecord
    {
        Arn = entry.Arn,
        Name = entry.Name,
        Definition = entry.Definition,
        RoleArn = entry.RoleArn,
        Type = entry.Type.ToApiName(),
        CreationDate = entry.CreationDate,
        UpdateDate = entry.UpdateDate,
        RevisionId = entry.RevisionId,
    });

    private StateMachineEntry Machine(string arn)
    {
        if (string.IsNullOrEmpty(arn) || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidArn, $"Invalid Arn: '{arn}'");
        }

        return machines.TryGetValue(arn, out var entry)
            ? entry
            : throw new StepFunctionsApiException(ApiErrorCodes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{arn}'");
    }

    private ExecutionRun Execution(string arn)
    {
        if (string.IsNullOrEmpty(arn) || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidArn, $"Invalid Arn: '{arn}'");
        }

        return executions.TryGetValue(arn, out var run)
            ? run
            : throw new StepFunctionsApiException(ApiErrorCodes.ExecutionDoesNotExist, $"Execution Does Not Exist: '{arn}'");
    }

    private static StatesGraph ParseDefinition(string definitionJson)
    {
        try
        {
            return DefinitionParser.Parse(definitionJson);
        }
        catch (DefinitionException ex)
        {
            throw new InvalidDefinitionException(ex);
        }
    }
}

/// <summary>InvalidDefinition with the location and problem of the underlying <see cref="DefinitionException"/>.</summary>
public sealed class InvalidDefinitionException(DefinitionException inner)
    : StepFunctionsApiException(ApiErrorCodes.InvalidDefinition, inner.Message)
{
    public string Location { get; } = inner.Location;

    public string Problem { get; } = inner.Problem;
}
