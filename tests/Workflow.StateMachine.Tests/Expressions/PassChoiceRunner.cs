using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

/// <summary>
/// Runs definitions made only of Pass, Choice, Succeed and Fail states with the expression layer alone, so the
/// expression semantics can be checked against AWS recordings before (and independently of) the engine.
/// </summary>
internal static class PassChoiceRunner
{
    private static readonly HashSet<string> SupportedTypes = ["Pass", "Choice", "Succeed", "Fail"];

    private static readonly HashSet<string> SupportedFields =
    [
        "Type", "Comment", "Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath", "Choices", "Default",
        "Error", "Cause",
    ];

    public sealed record Outcome(string Status, JsonNode? Output, string? Error, string? Cause);

    /// <summary>True when every state uses only what this runner implements.</summary>
    public static bool CanRun(JsonObject definition)
    {
        if (definition["QueryLanguage"] is not null || definition["States"] is not JsonObject states)
        {
            return false;
        }

        foreach (var (_, node) in states)
        {
            if (node is not JsonObject state || !SupportedTypes.Contains(state["Type"]?.GetValue<string>() ?? string.Empty))
            {
                return false;
            }

            foreach (var (field, _) in state)
            {
                if (!SupportedFields.Contains(field))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static Outcome Run(JsonObject definition, JsonNode? input, JsonObject meta)
    {
        var states = (JsonObject)definition["States"]!;
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = $"arn:aws:states:us-east-1:111111111111:execution:{meta["stateMachineName"]}:{meta["executionName"]}",
                ["Input"] = input?.DeepClone(),
                ["Name"] = meta["executionName"]?.DeepClone(),
                ["RedriveCount"] = 0,
                ["RoleArn"] = meta["roleArn"]?.DeepClone(),
                ["StartTime"] = "2024-01-01T00:00:00.000Z",
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = $"arn:aws:states:us-east-1:111111111111:stateMachine:{meta["stateMachineName"]}",
                ["Name"] = meta["stateMachineName"]?.DeepClone(),
            },
        };
        var name = definition["StartAt"]!.GetValue<string>();
        var current = input;
        var eventId = 2;
        for (var transitions = 0; transitions < 1000; transitions++)
        {
            var state = (JsonObject)states[name]!;
            context["State"] = new JsonObject { ["EnteredTime"] = "2024-01-01T00:00:00.000Z", ["Name"] = name };
            string? next;
            try
            {
                (current, next, var failure) = Step(state, current, context);
                if (failure is not null)
                {
                    return failure;
                }
            }
            catch (StatesException e)
            {
                var cause = string.Create(
                    CultureInfo.InvariantCulture,
                    $"An error occurred while executing the state '{name}' (entered at the event id #{eventId}). {e.Cause}");
                return new Outcome("FAILED", null, e.Error, cause);
            }

            if (next is null)
            {
                return new Outcome("SUCCEEDED", current, null, null);
            }

            name = next;
            eventId += 2;
        }

        throw new InvalidOperationException("The definition did not terminate.");
    }

    private static (JsonNode? Output, string? Next, Outcome? Failure) Step(JsonObject state, JsonNode? rawInput, JsonObject context)
    {
        var type = state["Type"]!.GetValue<string>();
        if (type == "Fail")
        {
            return (null, null, new Outcome("FAILED", null, state["Error"]?.GetValue<string>(), state["Cause"]?.GetValue<string>()));
        }

        var input = ApplyPath(state, "InputPath", rawInput, context);
        var scope = new EvaluationScope(input, context, null);
        string? next = state["Next"]?.GetValue<string>();
        JsonNode? output = input;
        switch (type)
        {
            case "Pass":
            {
                var effective = state["Parameters"] is { } parameters
                    ? PayloadTemplate.Parse(parameters, "Parameters").Evaluate(scope)
                    : input;
                var result = state.TryGetPropertyValue("Result", out var literal) ? literal?.DeepClone() : effective;
                var hasResultPath = state.TryGetPropertyValue("ResultPath", out var resultPath);
                output = ResultPathApplier.Apply(
                    input,
                    hasResultPath ? resultPath?.GetValue<string>() : null,
                    hasResultPath && resultPath is null,
                    result);
                break;
            }

            case "Choice":
            {
                next = state["Default"]?.GetValue<string>();
                var matched = false;
                var choices = (JsonArray)state["Choices"]!;
                for (var i = 0; i < choices.Count; i++)
                {
                    var rule = ChoiceRule.Parse((JsonObject)choices[i]!, $"/States/x/Choices/{i}", topLevel: true);
                    if (rule.Evaluate(scope))
                    {
                        next = rule.Next;
                        matched = true;
                        break;
                    }
                }

                if (!matched && next is null)
                {
                    throw new StatesException("States.NoChoiceMatched", "No Matches!");
                }

                break;
            }
        }

        output = ApplyPath(state, "OutputPath", output, context);
        return (output, type == "Succeed" ? null : next, null);
    }

    private static JsonNode? ApplyPath(JsonObject state, string field, JsonNode? value, JsonObject context)
    {
        if (!state.TryGetPropertyValue(field, out var pathNode))
        {
            return value;
        }

        if (pathNode is null)
        {
            return new JsonObject();
        }

        var path = JsonPathExpression.Parse(pathNode.GetValue<string>());
        return path.Evaluate(new EvaluationScope(value, context, null))?.DeepClone();
    }
}
