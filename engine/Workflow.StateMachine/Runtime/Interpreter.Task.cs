using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Expressions;
using Workflow.StateMachine.History;
using Workflow.StateMachine.Tasks;

namespace Workflow.StateMachine.Runtime;

/// <summary>Task states: handler invocation, integration patterns, timeouts, heartbeats and task events.</summary>
internal sealed partial class Interpreter
{
    private async ValueTask<StepResult> ExecuteTaskAsync(Frame frame, TaskStateNode state, bool resuming, CancellationToken cancellationToken)
    {
        var raw = frame.StateInput;
        var input = ApplyInputPath(frame, state, raw);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? error;
            string? cause;
            try
            {
                var result = await AttemptTaskAsync(frame, state, input, resuming, cancellationToken).ConfigureAwait(false);
                var selected = state.ResultSelector is null ? result : state.ResultSelector.Evaluate(Scope(frame, state, result));
                var assigned = ApplyAssign(frame, state, state.Assign, selected);
                var output = ApplyOutputPath(frame, state, ApplyResultPath(raw, state.ResultPath, selected));
                return Exit(frame, state, output, assigned, state.Next);
            }
            catch (StatesException ex)
            {
                error = ex.Error;
                cause = ex.Error == ErrorNames.Runtime ? RuntimeCause(frame, ex.Cause) : ex.Cause;
            }

            resuming = false;
            lock (run.Gate)
            {
                frame.PendingTask = null;
            }

            var step = await RecoverAsync(frame, state, raw, error, cause, null, cancellationToken).ConfigureAwait(false);
            if (step is { } decided)
            {
                return decided;
            }
        }
    }

    private async ValueTask<JsonNode?> AttemptTaskAsync(Frame frame, TaskStateNode state, JsonNode? input, bool resuming, CancellationToken cancellationToken)
    {
        var info = state.ResourceInfo;
        var events = new TaskEvents(info, services.Region);
        var pendingBefore = resuming ? frame.PendingTask : null;
        if (pendingBefore is not null)
        {
            var registered = services.Tokens.Register(pendingBefore.Token, run.Arn, services.TimeProvider.GetUtcNow());
            return await AwaitTokenAsync(frame, events, registered, pendingBefore.TimeoutAt, pendingBefore.HeartbeatSeconds, cancellationToken).ConfigureAwait(false);
        }

        var token = info.Pattern == IntegrationPattern.WaitForTaskToken ? TaskTokens.New() : null;
        var parameters = state.Parameters is null ? input : state.Parameters.Evaluate(Scope(frame, state, input, token));
        var timeout = ResolveSeconds(frame, state, state.TimeoutSeconds, state.TimeoutSecondsPath, "TimeoutSecondsPath", input);
        var heartbeat = ResolveSeconds(frame, state, state.HeartbeatSeconds, state.HeartbeatSecondsPath, "HeartbeatSecondsPath", input);
        run.Record(frame, events.Scheduled(parameters, timeout, heartbeat));
        if (events.IsTask)
        {
            run.Record(frame, events.Started());
        }
        else
        {
            run.RecordInline(frame, events.StartedType, null, -1, null, hasPayload: false, payloadIsOutput: false);
        }

        if (!services.Handlers.TryResolve(info.HandlerKey, out var handler) && !services.Handlers.TryResolve(info.Arn, out handler))
        {
            handler = services.FallbackHandler;
        }

        if (handler is null)
        {
            var missing = new StatesException(ErrorNames.TaskFailed, $"No task handler is registered for the resource '{info.Arn}'.");
            run.Record(frame, events.Failed(missing.Error, missing.Cause));
            throw missing;
        }

        var deadline = timeout is { } t ? services.TimeProvider.GetUtcNow().AddSeconds(t) : (DateTimeOffset?)null;
        PendingToken? pending = null;
        if (token is not null)
        {
            pending = services.Tokens.Register(token, run.Arn, services.TimeProvider.GetUtcNow());
            lock (run.Gate)
            {
                frame.PendingTask = new PendingTaskProgress { Token = token, Parameters = parameters, RawInput = frame.StateInput, TimeoutAt = deadline, HeartbeatSeconds = heartbeat };
            }

            services.Saver?.Save(run);
        }

        var invocation = new TaskInvocation
        {
            Resource = info.Arn,
            ResourceKey = info.HandlerKey,
            ResourceKind = info.Kind,
            Pattern = info.Pattern,
            Payload = parameters,
            TaskToken = token,
            ExecutionArn = run.Arn,
            StateMachineArn = run.Machine.Arn,
            StateName = state.Name,
            RetryCount = frame.RetryCount,
            Context = state.UsesContext ? BuildContext(frame, token) : null,
            TimeProvider = services.TimeProvider,
            Timeout = timeout is { } s ? TimeSpan.FromSeconds(s) : null,
            OnSubmitted = info.Pattern == IntegrationPattern.Sync ? SubmittedRecorder(frame, events) : null,
        };

        JsonNode? result;
        using (var timeoutSource = timeout is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), services.TimeProvider) : null)
        using (var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token))
        {
            try
            {
                result = await handler.InvokeAsync(invocation, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
            {
                CloseToken(token);
                run.Record(frame, events.TimedOut(ErrorNames.Timeout, null));
                throw new StatesException(ErrorNames.Timeout, null!);
            }
            catch (StatesException ex)
            {
                CloseToken(token);
                run.Record(frame, events.Failed(ex.Error, ex.Cause));
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CloseToken(token);
                var failure = new StatesException(ex.GetType().Name, ex.Message);
                run.Record(frame, events.Failed(failure.Error, failure.Cause));
                throw failure;
            }
        }

        if (pending is not null)
        {
            run.Record(frame, events.Submitted(JsonText.Of(result)));
            services.Saver?.Save(run);
            return await AwaitTokenAsync(frame, events, pending, deadline, heartbeat, cancellationToken).ConfigureAwait(false);
        }

        return Completed(frame, events, result);
    }

    /// <summary>Built apart so that tasks without a <c>.sync</c> callback do not pay for its closure.</summary>
    private Action<JsonNode?> SubmittedRecorder(Frame frame, TaskEvents events) =>
        response => run.Record(frame, events.Submitted(JsonText.Of(response)));

    private JsonNode? Completed(Frame frame, TaskEvents events, JsonNode? result)
    {
        JsonText.Materialize(result);
        if (JsonText.Utf8Size(result) > services.PayloadSizeLimit)
        {
            var error = new StatesException(ErrorNames.DataLimitExceeded, $"The state/task '{events.Subject}' returned a result with a size exceeding the maximum number of bytes service limit.");
            run.Record(frame, events.Failed(error.Error, error.Cause));
            throw error;
        }

        if (events.IsTask)
        {
            run.Record(frame, events.Succeeded(result));
        }
        else
        {
            run.RecordInline(frame, events.SucceededType, null, -1, result, hasPayload: true, payloadIsOutput: true);
        }
        return result;
    }

    private void CloseToken(string? token)
    {
        if (token is not null)
        {
            services.Tokens.Close(token);
        }
    }

    private async ValueTask<JsonNode?> AwaitTokenAsync(Frame frame, TaskEvents events, PendingToken pending, DateTimeOffset? deadline, long? heartbeatSeconds, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                // The heartbeat window runs from the latest heartbeat (or the start of the wait): each
                // SendTaskHeartbeat pushes the heartbeat deadline HeartbeatSeconds past the moment it arrived.
                var now = services.TimeProvider.GetUtcNow();
                DateTimeOffset? heartbeatDeadline = heartbeatSeconds is { } hb ? pending.LastBeat.AddSeconds(hb) : null;
                DateTimeOffset? wakeAt = deadline is { } d && (heartbeatDeadline is null || d <= heartbeatDeadline) ? d : heartbeatDeadline;
                TokenOutcome outcome;
                try
                {
                    outcome = wakeAt is not { } wake
                        ? await pending.Outcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
                        : await pending.Outcome.Task.WaitAsync(wake > now ? wake - now : TimeSpan.Zero, services.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    var at = services.TimeProvider.GetUtcNow();
                    if (deadline is { } limit && at >= limit)
                    {
                        run.Record(frame, events.TimedOut(ErrorNames.Timeout, null));
                        throw new StatesException(ErrorNames.Timeout, null!);
                    }

                    if (heartbeatSeconds is { } seconds && at >= pending.LastBeat.AddSeconds(seconds))
                    {
                        run.Record(frame, events.TimedOut(ErrorNames.HeartbeatTimeout, null));
                        throw new StatesException(ErrorNames.HeartbeatTimeout, null!);
                    }

                    continue;
                }

                if (outcome.Succeeded)
                {
                    return Completed(frame, events, outcome.Output);
                }

                run.Record(frame, events.Failed(outcome.Error, outcome.Cause));
                throw new StatesException(outcome.Error!, outcome.Cause!);
            }
        }
        finally
        {
            services.Tokens.Close(pending.Token);
        }
    }

    private long? ResolveSeconds(Frame frame, StateNode state, int? fixedValue, JsonPathExpression? path, string field, JsonNode? input)
    {
        if (fixedValue is { } value)
        {
            return value;
        }

        if (path is null)
        {
            return null;
        }

        var node = path.Evaluate(Scope(frame, state, input));
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long seconds) && seconds > 0)
        {
            return seconds;
        }

        throw new StatesException(ErrorNames.Runtime, $"The {field} parameter must be a positive integer: {path.Text} == {JsonText.Of(node)}");
    }

    /// <summary>
    /// The event shapes of one Task: Lambda* events for a Lambda ARN in Resource, Activity* events for an activity,
    /// Task* events for service integrations.
    /// </summary>
    private readonly struct TaskEvents(ResourceDescriptor info, string region)
    {
        /// <summary>The event type of this resource's family (Lambda, activity or service task) for a step of its life.</summary>
        private string Of(string lambda, string activity, string task) => info.Kind switch
        {
            ResourceKind.LambdaFunction => lambda,
            ResourceKind.Activity => activity,
            _ => task,
        };

        /// <summary>Service integrations name their resource in every event; Lambda and activity events are plainer.</summary>
        public bool IsTask => info.Kind is not (ResourceKind.LambdaFunction or ResourceKind.Activity);

        public string StartedType => Of("LambdaFunctionStarted", "ActivityStarted", "TaskStarted");

        public string SucceededType => Of("LambdaFunctionSucceeded", "ActivitySucceeded", "TaskSucceeded");

        public string Subject => IsTask ? info.ResourceType : info.Arn;

        public HistoryEvent Scheduled(JsonNode? parameters, long? timeout, long? heartbeat) => info.Kind switch
        {
            ResourceKind.LambdaFunction => new HistoryEvent { Type = "LambdaFunctionScheduled", InputNode = parameters, Resource = info.Arn, TimeoutInSeconds = timeout },
            ResourceKind.Activity => new HistoryEvent { Type = "ActivityScheduled", InputNode = parameters, Resource = info.Arn, TimeoutInSeconds = timeout, HeartbeatInSeconds = heartbeat },
            _ => new HistoryEvent { Type = "TaskScheduled", ResourceType = info.ResourceType, Resource = info.Resource, Region = region, ParametersNode = parameters, TimeoutInSeconds = timeout, HeartbeatInSeconds = heartbeat },
        };

        public HistoryEvent Started() => IsTask
            ? new HistoryEvent { Type = "TaskStarted", ResourceType = info.ResourceType, Resource = info.Resource }
            : new HistoryEvent { Type = Of("LambdaFunctionStarted", "ActivityStarted", "TaskStarted") };

        public HistoryEvent Submitted(string output) =>
            new() { Type = "TaskSubmitted", ResourceType = info.ResourceType, Resource = info.Resource, Output = output };

        public HistoryEvent Succeeded(JsonNode? output) => IsTask
            ? new HistoryEvent { Type = "TaskSucceeded", ResourceType = info.ResourceType, Resource = info.Resource, OutputNode = output }
            : new HistoryEvent { Type = Of("LambdaFunctionSucceeded", "ActivitySucceeded", "TaskSucceeded"), OutputNode = output };

        public HistoryEvent Failed(string? error, string? cause) => IsTask
            ? new HistoryEvent { Type = "TaskFailed", ResourceType = info.ResourceType, Resource = info.Resource, Error = error, Cause = cause }
            : new HistoryEvent { Type = Of("LambdaFunctionFailed", "ActivityFailed", "TaskFailed"), Error = error, Cause = cause };

        public HistoryEvent TimedOut(string error, string? cause) => IsTask
            ? new HistoryEvent { Type = "TaskTimedOut", ResourceType = info.ResourceType, Resource = info.Resource, Error = error, Cause = cause }
            : new HistoryEvent { Type = Of("LambdaFunctionTimedOut", "ActivityTimedOut", "TaskTimedOut"), Error = error, Cause = cause };
    }
}
