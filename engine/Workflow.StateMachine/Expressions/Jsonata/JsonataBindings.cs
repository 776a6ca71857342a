using System.Text.Json.Nodes;
using Workflow.Jsonata;

namespace Workflow.StateMachine.Expressions.Jsonata;

/// <summary>
/// What a JSONata expression in a state sees: <c>$states</c> (<c>input</c>, <c>result</c>, <c>errorOutput</c>,
/// <c>context</c>; each only where AWS provides it), the workflow variables, and Step Functions' functions.
/// </summary>
public static class JsonataBindings
{
    public static Dictionary<string, object?> Create(
        JsonNode? input,
        JsonNode? context,
        IEnumerable<KeyValuePair<string, JsonNode?>> variables,
        Func<double> random,
        JsonNode? result = null,
        bool hasResult = false,
        JsonNode? errorOutput = null,
        bool hasErrorOutput = false)
    {
        var bindings = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, function) in StepFunctionsJsonataFunctions.Create(random))
        {
            bindings[name] = function;
        }

        foreach (var (name, value) in variables)
        {
            bindings[name] = JsonataValues.FromJsonNode(value);
        }

        var states = new JsonataObject
        {
            ["input"] = JsonataValues.FromJsonNode(input),
        };
        if (hasResult)
        {
            states["result"] = JsonataValues.FromJsonNode(result);
        }

        if (hasErrorOutput)
        {
            states["errorOutput"] = JsonataValues.FromJsonNode(errorOutput);
        }

        if (context is not null)
        {
            states["context"] = JsonataValues.FromJsonNode(context);
        }

        bindings["states"] = states;
        return bindings;
    }
}
