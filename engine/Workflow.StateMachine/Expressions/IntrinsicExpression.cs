using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>A compiled intrinsic function call; immutable and safe to share between executions.</summary>
public sealed class IntrinsicExpression
{
    private readonly IntrinsicFunction function;
    private readonly IntrinsicArgument[] arguments;

    internal IntrinsicExpression(string text, IntrinsicFunction function, IntrinsicArgument[] arguments)
    {
        Text = text;
        this.function = function;
        this.arguments = arguments;
    }

    public string Text { get; }

    /// <summary>The function name, e.g. <c>States.Format</c>.</summary>
    public string FunctionName => function.Name;

    public IReadOnlyList<IntrinsicArgument> Arguments => arguments;

    /// <summary>Evaluates the call into a fresh value (never a node of the scope).</summary>
    public JsonNode? Evaluate(in EvaluationScope scope)
    {
        var values = arguments.Length == 0 ? [] : new JsonNode?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Evaluate(scope);
        }

        return function.Invoke(new IntrinsicCall(function.Name, arguments, values));
    }

    public override string ToString() => Text;
}

/// <summary>What a function implementation receives: evaluated argument values (read-only) and their sources.</summary>
internal readonly struct IntrinsicCall(string name, IntrinsicArgument[] sources, JsonNode?[] values)
{
    public string Name => name;

    public int Count => values.Length;

    public JsonNode? this[int index] => values[index];

    public IntrinsicArgument Source(int index) => sources[index];
}

internal sealed class IntrinsicFunction(string name, int minArguments, int maxArguments, Func<IntrinsicCall, JsonNode?> invoke)
{
    public string Name { get; } = name;

    public int MinArguments { get; } = minArguments;

    public int MaxArguments { get; } = maxArguments;

    public JsonNode? Invoke(IntrinsicCall call) => invoke(call);
}
