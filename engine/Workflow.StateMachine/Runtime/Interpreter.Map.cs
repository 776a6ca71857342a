using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Expressions;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>Map states: items, ItemSelector, batching, bounded concurrency and failure tolerance.</summary>
internal sealed partial class Interpreter
{
    private async ValueTask<StepResult> ExecuteMapAsync(Frame frame, MapStateNode state, bool resuming, CancellationToken cancellationToken)
    {
        var raw = frame.StateInput;
        var input = ApplyInputPath(frame, state, raw);
        while (true)
        {
            string? error;
            string? cause;
            try
            {
                var outputs = await RunIterationsAsync(frame, state, input, resuming, cancellationToken).ConfigureAwait(false);
                if (state.Distributed)
                {
                    RecordSimple(frame, "MapRunSucceeded");
                }

                RecordSimple(frame, "MapStateSucceeded");
                var selected = state.ResultSelector is null ? outputs : state.ResultSelector.Evaluate(Scope(frame, state, outputs));
                var assigned = ApplyAssign(frame, state, state.Assign, selected);
                var output = ApplyOutputPath(frame, state, ApplyResultPath(raw, state.ResultPath, selected));
                return Exit(frame, state, output, assigned, state.Next);
            }
            catch (FlowFailedException ex)
            {
                (error, cause) = (ex.Error, ex.Cause);
                if (state.Distributed)
                {
                    RecordSimple(frame, "MapRunFailed");
                }
            }
            catch (StatesException ex)
            {
                error = ex.Error;
                cause = ex.Error == ErrorNames.Runtime ? RuntimeCause(frame, ex.Cause) : ex.Cause;
                if (ex.Error == ErrorNames.Runtime)
                {
                    return StepResult.Fail(error, cause);
                }
            }

            resuming = false;
            lock (run.Gate)
            {
                frame.Map = null;
            }

            var step = await RecoverAsync(frame, state, raw, error, cause, "MapStateFailed", cancellationToken).ConfigureAwait(false);
            if (step is { } decided)
            {
                return decided;
            }
        }
    }

    private async ValueTask<JsonArray> RunIterationsAsync(Frame frame, MapStateNode state, JsonNode? input, bool resuming, CancellationToken cancellationToken)
    {
        MapProgress progress;
        if (resuming && frame.Map is { } saved)
        {
            progress = saved;
        }
        else
        {
            progress = StartMap(frame, state, input);
        }

        var count = progress.Items.Count;
        var workers = progress.MaxConcurrency <= 0 ? count : Math.Min(progress.MaxConcurrency, count);
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var coordinator = new MapCoordinator(progress, count);
        if (workers == 1)
        {
            await RunMapWorkerAsync(frame, state, input, progress, coordinator, siblings, null, -1).ConfigureAwait(false);
        }
        else if (workers > 1)
        {
            // Like AWS, the first iterations of every worker are all started before any of them runs.
            var first = new (int Index, Frame? Frame)[workers];
            for (var w = 0; w < workers; w++)
            {
                first[w] = coordinator.TryTake(out var index, out var resumeFrame)
                    ? (index, resumeFrame ?? StartIteration(frame, state, progress, index))
                    : (-1, null);
            }

            var tasks = new Task[workers];
            for (var w = 0; w < workers; w++)
            {
                tasks[w] = RunMapWorkerAsync(frame, state, input, progress, coordinator, siblings, first[w].Frame, first[w].Index).AsTask();
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (coordinator.Failure is { } failure)
        {
            throw failure;
        }

        var outputs = new JsonArray();
        lock (run.Gate)
        {
            // Iterations often return their item unchanged: releasing the items from their array lets the
            // outputs take them without a copy.
            progress.Items.Clear();
            for (var i = 0; i < count; i++)
            {
                outputs.Add(Detached(progress.Outputs[i]));
            }
        }

        return outputs;
    }

    private MapProgress StartMap(Frame frame, MapStateNode state, JsonNode? input)
    {
        JsonNode? itemsNode = input;
        if (state.ItemsPath is { } itemsPath)
        {
            itemsNode = itemsPath.Evaluate(new EvaluationScope(input, state.UsesContext ? BuildContext(frame, null) : null, frame.Variables));
        }

        if (itemsNode is not JsonArray itemsArray)
        {
            throw new StatesException(ErrorNames.Runtime, $"Invalid path '{state.ItemsPathText}': the value is not a JSON array: {JsonText.Of(itemsNode)}");
        }

        var iterationInputs = new JsonArray();
        for (var i = 0; i < itemsArray.Count; i++)
        {
            var item = itemsArray[i];
            if (state.ItemSelector is { } selector)
            {
                var itemFrame = new Frame(frame.Graph, frame.Variables, frame.Parent) { MapIndex = i, MapItemValue = item, StateName = frame.StateName, EnteredTime = frame.EnteredTime };
                iterationInputs.Add(selector.Evaluate(new EvaluationScope(input, state.UsesContext ? BuildContext(itemFrame, null) : null, frame.Variables)));
            }
            else
            {
                iterationInputs.Add(JsonValues.Clone(item));
            }
        }

        if (state.ItemBatcher is { } batcher)
        {
            iterationInputs = Batch(frame, state, batcher, input, iterationInputs);
        }

        var maxConcurrency = state.MaxConcurrencyPath is { } mcp
            ? ReadCount(frame, state, mcp, input, "MaxConcurrencyPath", "MaxConcurrency")
            : state.MaxConcurrency;
        run.Record(frame, new HistoryEvent { Type = "MapStateStarted", Length = iterationInputs.Count });
        var progress = new MapProgress(iterationInputs)
        {
            RawInput = input,
            MaxConcurrency = maxConcurrency,
            ToleratedFailureCount = state.ToleratedFailureCountPath is { } tcp
                ? ReadCount(frame, state, tcp, input, "ToleratedFailureCountPath", "ToleratedFailureCount")
                : state.ToleratedFailureCount ?? -1,
            ToleratedFailurePercentage = state.ToleratedFailurePercentagePath is { } tpp
                ? ReadPercentage(frame, state, tpp, input)
                : state.ToleratedFailurePercentage ?? -1,
        };
        if (state.Distributed)
        {
            RecordSimple(frame, "MapRunStarted");
        }

        lock (run.Gate)
        {
            frame.Map = progress;
        }

        services.Saver?.Save(run);
        return progress;
    }

    private JsonArray Batch(Frame frame, MapStateNode state, ItemBatcherSpec batcher, JsonNode? input, JsonArray items)
    {
        var maxItems = batcher.MaxItemsPerBatch ?? (batcher.MaxItemsPerBatchPath is { } p ? ReadCount(frame, state, p, input, "MaxItemsPerBatchPath", "MaxItemsPerBatch") : int.MaxValue);
        var maxBytes = batcher.MaxInputBytesPerBatch ?? (batcher.MaxInputBytesPerBatchPath is { } b ? ReadCount(frame, state, b, input, "MaxInputBytesPerBatchPath", "MaxInputBytesPerBatch") : 262_144);
        maxItems = maxItems <= 0 ? int.MaxValue : maxItems;
        var batchInput = batcher.BatchInput?.Evaluate(Scope(frame, state, input));
        var batches = new JsonArray();
        JsonArray? current = null;
        var currentBytes = 0;
        foreach (var item in items.ToArray())
        {
            var size = JsonText.Utf8Size(item);
            if (current is null || current.Count >= maxItems || (current.Count > 0 && currentBytes + size > maxBytes))
            {
                current = [];
                var batch = new JsonObject();
                if (batchInput is not null)
                {
                    batch["BatchInput"] = batchInput.DeepClone();
                }

                batch["Items"] = current;
                batches.Add(batch);
                currentBytes = 0;
            }

            items.Remove(item);
            current.Add(item);
            currentBytes += size;
        }

        return batches;
    }

    private int ReadCount(Frame frame, MapStateNode state, JsonPathExpression path, JsonNode? input, string pathField, string field)
    {
        var value = path.Evaluate(Scope(frame, state, input));
        if (TryReadNumber(value, out var d) && d == decimal.Truncate(d) && d <= int.MaxValue && d >= int.MinValue)
        {
            if (d < 0)
            {
                throw new StatesException(ErrorNames.Runtime, $"{field} cannot be negative.");
            }

            return (int)d;
        }

        throw new StatesException(ErrorNames.Runtime, $"The {pathField} field refers to value {Quoted(value)} which is not a valid integer: {path.Text}");
    }

    private double ReadPercentage(Frame frame, MapStateNode state, JsonPathExpression path, JsonNode? input)
    {
        var value = path.Evaluate(Scope(frame, state, input));
        if (TryReadNumber(value, out var number))
        {
            var d = (double)number;
            if (d < 0 || d > 100)
            {
                throw new StatesException(ErrorNames.Runtime, "ToleratedFailurePercentage must be between 0 and 100.");
            }

            return d;
        }

        throw new StatesException(ErrorNames.Runtime, $"The ToleratedFailurePercentagePath field refers to value {Quoted(value)} which is not a valid float: {path.Text}");
    }

    /// <summary>Numbers, or strings holding a number (AWS accepts <c>"1"</c> for these fields).</summary>
    private static bool TryReadNumber(JsonNode? value, out decimal number)
    {
        number = 0;
        if (value is not JsonValue v)
        {
            return false;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.Number => v.TryGetValue(out number) || (v.TryGetValue(out double dbl) && TryDecimal(dbl, out number)),
            JsonValueKind.String => decimal.TryParse(v.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static bool TryDecimal(double value, out decimal number)
    {
        number = 0;
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 7.9e28)
        {
            return false;
        }

        number = (decimal)value;
        return true;
    }

    private static string Quoted(JsonNode? value) => $"\"{PlainText(value)}\"";

    private async ValueTask RunMapWorkerAsync(Frame frame, MapStateNode state, JsonNode? input, MapProgress progress, MapCoordinator coordinator, CancellationTokenSource siblings, Frame? startedFrame, int startedIndex)
    {
        while (true)
        {
            Frame iteration;
            int index;
            if (startedFrame is not null)
            {
                (iteration, index) = (startedFrame, startedIndex);
                startedFrame = null;
            }
            else if (!siblings.IsCancellationRequested && coordinator.TryTake(out index, out var resumeFrame))
            {
                iteration = resumeFrame ?? StartIteration(frame, state, progress, index);
            }
            else
            {
                return;
            }

            if (siblings.IsCancellationRequested)
            {
                run.RecordInline(iteration, "MapIterationAborted", state.Name, index, null, hasPayload: false, payloadIsOutput: false);
                continue;
            }

            FlowResult result;
            try
            {
                result = await RunFlowAsync(iteration, siblings.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (siblings.IsCancellationRequested)
            {
                if (iteration.Entered && iteration.Graph.States.TryGetValue(iteration.StateName, out var current))
                {
                    run.Record(iteration, new HistoryEvent { Type = $"{current.Type}StateAborted" });
                }

                if (!state.Distributed)
                {
                    run.RecordInline(iteration, "MapIterationAborted", state.Name, index, null, hasPayload: false, payloadIsOutput: false);
                }

                return;
            }

            if (result.Succeeded)
            {
                if (!state.Distributed)
                {
                    run.RecordInline(iteration, "MapIterationSucceeded", state.Name, index, null, hasPayload: false, payloadIsOutput: false);
                }

                lock (run.Gate)
                {
                    progress.Outputs[index] = result.Output;
                    progress.Status[index] = IterationStatus.Succeeded;
                    progress.Running[index] = null;
                }

                continue;
            }

            if (!state.Distributed)
            {
                run.RecordInline(iteration, "MapIterationFailed", state.Name, index, null, hasPayload: false, payloadIsOutput: false);
            }

            bool exceeded;
            lock (run.Gate)
            {
                progress.Status[index] = IterationStatus.Failed;
                progress.Running[index] = null;
                var errorOutput = new JsonObject();
                if (result.Error is not null)
                {
                    errorOutput["Error"] = result.Error;
                }

                if (result.Cause is not null)
                {
                    errorOutput["Cause"] = result.Cause;
                }

                progress.Outputs[index] = errorOutput;
                exceeded = coordinator.CountFailure(progress);
            }

            if (exceeded)
            {
                var tolerant = progress.ToleratedFailureCount >= 0 || progress.ToleratedFailurePercentage >= 0;
                coordinator.Fail(tolerant
                    ? new FlowFailedException(ErrorNames.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded")
                    : new FlowFailedException(result.Error, result.Cause));
                await siblings.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    private Frame StartIteration(Frame frame, MapStateNode state, MapProgress progress, int index)
    {
        var iteration = new Frame(state.Processor, new VariableScope(frame.Variables), frame)
        {
            MapIndex = index,
            MapItemValue = progress.Items[index],
            StateInput = progress.Items[index],
            LastEventId = frame.LastEventId,
            Silent = frame.Silent || state.Distributed,
        };
        lock (run.Gate)
        {
            progress.Status[index] = IterationStatus.Running;
            progress.Running[index] = iteration;
        }

        if (!state.Distributed)
        {
            run.RecordInline(iteration, "MapIterationStarted", state.Name, index, null, hasPayload: false, payloadIsOutput: false);
        }

        return iteration;
    }

    /// <summary>Hands out iteration indexes to workers (resumed ones first) and tracks failures against the tolerance.</summary>
    private sealed class MapCoordinator
    {
        private readonly MapProgress progress;
        private readonly int count;
        private readonly Queue<int> resumable = new();
        private int next;
        private int failures;

        public MapCoordinator(MapProgress progress, int count)
        {
            this.progress = progress;
            this.count = count;
            for (var i = 0; i < count; i++)
            {
                if (progress.Status[i] == IterationStatus.Running && progress.Running[i] is not null)
                {
                    resumable.Enqueue(i);
                }
                else if (progress.Status[i] == IterationStatus.Failed)
                {
                    failures++;
                }
            }
        }

        public FlowFailedException? Failure { get; private set; }

        public bool TryTake(out int index, out Frame? resumeFrame)
        {
            lock (resumable)
            {
                if (resumable.TryDequeue(out index))
                {
                    resumeFrame = progress.Running[index];
                    return true;
                }

                while (next < count)
                {
                    index = next++;
                    if (progress.Status[index] == IterationStatus.Pending)
                    {
                        resumeFrame = null;
                        return true;
                    }
                }
            }

            index = -1;
            resumeFrame = null;
            return false;
        }

        public bool CountFailure(MapProgress state)
        {
            failures++;
            if (state.ToleratedFailureCount < 0 && state.ToleratedFailurePercentage < 0)
            {
                return true;
            }

            if (state.ToleratedFailureCount >= 0 && failures > state.ToleratedFailureCount)
            {
                return state.ToleratedFailurePercentage < 0 || failures * 100.0 / count > state.ToleratedFailurePercentage;
            }

            return state.ToleratedFailurePercentage >= 0 && failures * 100.0 / count > state.ToleratedFailurePercentage && state.ToleratedFailureCount < 0;
        }

        public void Fail(FlowFailedException failure)
        {
            lock (resumable)
            {
                Failure ??= failure;
            }
        }
    }
}
