using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Expressions;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>Pass, Choice, Succeed, Fail and Wait.</summary>
internal sealed partial class Interpreter
{
    private StepResult ExecutePass(Frame frame, PassStateNode state)
    {
        if (state.Jsonata is { } jsonata)
        {
            return ExecuteJsonataPass(frame, state, jsonata);
        }

        var raw = frame.StateInput;
        var input = ApplyInputPath(frame, state, raw);
        JsonNode? result;
        if (state.Parameters is not null)
        {
            result = state.Parameters.Evaluate(Scope(frame, state, input));
        }
        else if (state.HasResult)
        {
            result = state.Result?.DeepClone();
        }
        else
        {
            result = input;
        }

        var assigned = ApplyAssign(frame, state, state.Assign, result);
        var output = ApplyOutputPath(frame, state, ApplyResultPath(raw, state.ResultPath, result));
        return Exit(frame, state, output, assigned, state.Next);
    }

    private StepResult ExecuteChoice(Frame frame, ChoiceStateNode state)
    {
        if (state.Jsonata is { } jsonata)
        {
            return ExecuteJsonataChoice(frame, state, jsonata);
        }

        var input = ApplyInputPath(frame, state, frame.StateInput);
        var scope = Scope(frame, state, input);
        string? next = null;
        PayloadTemplate? assign = null;
        foreach (var branch in state.Choices)
        {
            if (branch.Rule!.Evaluate(scope))
            {
                next = branch.Next;
                assign = branch.Assign;
                break;
            }
        }

        if (next is null)
        {
            next = state.Default;
            assign = state.Assign;
        }

        if (next is null)
        {
            return StepResult.Fail(ErrorNames.NoChoiceMatched, $"No Matches!");
        }

        var assigned = ApplyAssign(frame, state, assign, input);
        var output = ApplyOutputPath(frame, state, input);
        return Exit(frame, state, output, assigned, next);
    }

    private StepResult ExecuteSucceed(Frame frame, SucceedStateNode state)
    {
        if (state.Jsonata is { } jsonata)
        {
            return ExecuteJsonataSucceed(frame, state, jsonata);
        }

        var input = ApplyInputPath(frame, state, frame.StateInput);
        var output = ApplyOutputPath(frame, state, input);
        return Exit(frame, state, output, null, null);
    }

    private StepResult ExecuteFail(Frame frame, FailStateNode state)
    {
        if (state.Jsonata is { } jsonata)
        {
            return ExecuteJsonataFail(frame, jsonata);
        }

        var input = frame.StateInput;
        var error = state.ErrorPath is null ? state.Error : ReadFailField(frame, state, state.ErrorPath, "ErrorPath", input);
        var cause = state.CausePath is null ? state.Cause : ReadFailField(frame, state, state.CausePath, "CausePath", input);
        return StepResult.Fail(error, cause);
    }

    private string? ReadFailField(Frame frame, FailStateNode state, JsonPathExpression path, string field, JsonNode? input)
    {
        if (!path.TryEvaluate(Scope(frame, state, input), out var value))
        {
            throw new StatesException(ErrorNames.Runtime, $"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonText.Of(input)}'");
        }

        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : JsonText.Of(value);
    }

    private async ValueTask<StepResult> ExecuteWaitAsync(Frame frame, WaitStateNode state, bool resuming, CancellationToken cancellationToken)
    {
        var input = state.Jsonata is null ? ApplyInputPath(frame, state, frame.StateInput) : frame.StateInput;
        DateTimeOffset until;
        if (resuming && frame.WaitUntil is { } saved)
        {
            until = saved;
        }
        else
        {
            until = WaitDeadline(frame, state, input);
            lock (run.Gate)
            {
                frame.WaitUntil = until;
            }

            services.Saver?.Save(run);
        }

        var delay = until - services.TimeProvider.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, services.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (state.Jsonata is { } jsonata)
        {
            var (jsonataOutput, jsonataAssigned) = JsonataOutput(frame, jsonata, JsonataScope(frame, input), input);
            return Exit(frame, state, jsonataOutput, jsonataAssigned, state.Next);
        }

        var assigned = ApplyAssign(frame, state, state.Assign, input);
        var output = ApplyOutputPath(frame, state, input);
        return Exit(frame, state, output, assigned, state.Next);
    }

    private DateTimeOffset WaitDeadline(Frame frame, WaitStateNode state, JsonNode? input)
    {
        var now = services.TimeProvider.GetUtcNow();
        if (state.Jsonata is { } jsonata)
        {
            return JsonataWaitDeadline(frame, jsonata, input, now);
        }

        if (state.Seconds is { } seconds)
        {
            return now.AddSeconds(seconds);
        }

        if (state.Timestamp is { } timestamp)
        {
            return timestamp;
        }

        if (state.SecondsPath is { } secondsPath)
        {
            var value = secondsPath.Evaluate(Scope(frame, state, input));
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long longSeconds))
            {
                return now.AddSeconds(Math.Max(0, longSeconds));
            }

            throw new StatesException(ErrorNames.Runtime, $"The SecondsPath parameter cannot be parsed as a long value: {secondsPath.Text} == {PlainText(value)}");
        }

        var timestampPath = state.TimestampPath!;
        var stamp = timestampPath.Evaluate(Scope(frame, state, input));
        if (stamp is JsonValue sv && sv.GetValueKind() == JsonValueKind.String && WaitTimestamps.TryParse(sv.GetValue<string>(), out var parsed))
        {
            return parsed;
        }

        throw new StatesException(ErrorNames.Runtime, $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {timestampPath.Text} == {PlainText(stamp)}");
    }

    private static string PlainText(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
        : JsonText.Of(value);

    private void RecordSimple(Frame frame, string type) => run.Record(frame, new HistoryEvent { Type = type });
}
