using System.Text.Json.Nodes;
using Workflow.Jsonata;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Expressions.Jsonata;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>States whose QueryLanguage is JSONata: $states, variables, Output, Assign, and their errors.</summary>
internal sealed partial class Interpreter
{
    private EvaluationOptions JsonataOptions => new() { TimeProvider = services.TimeProvider, TimeLimit = TimeSpan.FromSeconds(10) };

    private Dictionary<string, object?> JsonataScope(Frame frame, JsonNode? input) =>
        JsonataBindings.Create(input, BuildContext(frame, null), frame.Variables.All(), Random.Shared.NextDouble);

    private JsonNode? EvaluateJsonata(Frame frame, JsonataTemplate template, Dictionary<string, object?> bindings)
    {
        try
        {
            return template.Evaluate(bindings, JsonataOptions);
        }
        catch (QueryEvaluationException e)
        {
            throw EvaluationFailed(frame, e);
        }
    }

    /// <summary>AWS records a failed evaluation as its own event before the execution (or a Catch) sees the error.</summary>
    private StatesException EvaluationFailed(Frame frame, QueryEvaluationException e)
    {
        var error = e.ToStatesException(frame.StateName, frame.EnteredEventId);
        run.Record(frame, new HistoryEvent { Type = "EvaluationFailed", Error = error.Error, Cause = error.Cause });
        return error;
    }

    /// <summary>
    /// Evaluates Assign and Output against the same bindings (a state's own assignments are not visible to its
    /// Output), then stores the variables. Output defaults to <paramref name="defaultOutput"/>.
    /// </summary>
    private (JsonNode? Output, IReadOnlyDictionary<string, string>? Assigned) JsonataOutput(Frame frame, JsonataStateFields fields, Dictionary<string, object?> bindings, JsonNode? defaultOutput)
    {
        var assign = fields.Assign is null ? null : EvaluateJsonata(frame, fields.Assign, bindings);
        var output = fields.Output is null ? defaultOutput : EvaluateJsonata(frame, fields.Output, bindings);
        return (output, StoreAssigned(frame, assign));
    }

    private StepResult ExecuteJsonataPass(Frame frame, PassStateNode state, JsonataStateFields fields)
    {
        var input = frame.StateInput;
        var (output, assigned) = JsonataOutput(frame, fields, JsonataScope(frame, input), input);
        return Exit(frame, state, output, assigned, state.Next);
    }

    private StepResult ExecuteJsonataSucceed(Frame frame, SucceedStateNode state, JsonataStateFields fields)
    {
        var input = frame.StateInput;
        var (output, _) = JsonataOutput(frame, fields, JsonataScope(frame, input), input);
        return Exit(frame, state, output, null, null);
    }

    private StepResult ExecuteJsonataFail(Frame frame, JsonataStateFields fields)
    {
        var bindings = JsonataScope(frame, frame.StateInput);
        var error = fields.Error is null ? null : TextOf(EvaluateJsonata(frame, fields.Error, bindings));
        var cause = fields.Cause is null ? null : TextOf(EvaluateJsonata(frame, fields.Cause, bindings));
        return StepResult.Fail(error, cause);
    }

    private StepResult ExecuteJsonataChoice(Frame frame, ChoiceStateNode state, JsonataStateFields fields)
    {
        var input = frame.StateInput;
        var bindings = JsonataScope(frame, input);
        foreach (var branch in state.Choices)
        {
            if (EvaluateJsonataCondition(frame, branch.Condition!, bindings))
            {
                var (output, assigned) = JsonataOutput(frame, branch.Jsonata!, bindings, input);
                return Exit(frame, state, output, assigned, branch.Next);
            }
        }

        if (state.Default is null)
        {
            return StepResult.Fail(ErrorNames.NoChoiceMatched, "No Matches!");
        }

        var (defaultOutput, defaultAssigned) = JsonataOutput(frame, fields, bindings, input);
        return Exit(frame, state, defaultOutput, defaultAssigned, state.Default);
    }

    private bool EvaluateJsonataCondition(Frame frame, JsonataTemplate condition, Dictionary<string, object?> bindings)
    {
        var value = EvaluateJsonata(frame, condition, bindings);
        if (value is JsonValue v && v.TryGetValue(out bool result))
        {
            return result;
        }

        throw EvaluationFailed(frame, QueryEvaluationException.UnexpectedType(condition.ExpressionText ?? string.Empty, condition.FieldName, "boolean", JsonKind(value), value?.ToJsonString() ?? "null"));
    }

    private static string JsonKind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            _ => "boolean",
        },
    };

    private DateTimeOffset JsonataWaitDeadline(Frame frame, JsonataStateFields fields, JsonNode? input, DateTimeOffset now)
    {
        var bindings = JsonataScope(frame, input);
        if (fields.Seconds is { } secondsField)
        {
            var seconds = EvaluateJsonata(frame, secondsField, bindings);
            if (seconds is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number && n.TryGetValue(out long whole) && whole >= 0)
            {
                return now.AddSeconds(whole);
            }

            throw EvaluationFailed(frame, new QueryEvaluationException($"The Seconds field must be a non-negative integer: {seconds?.ToJsonString() ?? "null"}"));
        }

        var stamp = EvaluateJsonata(frame, fields.Timestamp!, bindings);
        var text = stamp is JsonValue s && s.TryGetValue(out string? str) ? str : stamp?.ToJsonString() ?? "null";
        if (WaitTimestamps.TryParse(text, out var until))
        {
            return until;
        }

        throw EvaluationFailed(frame, new QueryEvaluationException($"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {text}"));
    }

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) ? s : node?.ToJsonString();
}
