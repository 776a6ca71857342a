using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>One argument of an intrinsic function call: a literal, a path or a nested call.</summary>
public abstract class IntrinsicArgument
{
    /// <summary>The value, read-only: functions copy it before inserting it into their result.</summary>
    internal abstract JsonNode? Evaluate(in EvaluationScope scope);
}

internal sealed class LiteralArgument(JsonNode? value) : IntrinsicArgument
{
    public JsonNode? Value { get; } = value;

    internal override JsonNode? Evaluate(in EvaluationScope scope) => Value;
}

/// <summary>A quoted string; keeps which braces were escaped so States.Format can tell <c>\{\}</c> from <c>{}</c>.</summary>
internal sealed class StringLiteralArgument(string value, string[] formatParts) : IntrinsicArgument
{
    private readonly JsonValue node = JsonValue.Create(value);

    public string Value { get; } = value;

    /// <summary>The text between unescaped <c>{}</c> placeholders.</summary>
    public string[] FormatParts { get; } = formatParts;

    internal override JsonNode? Evaluate(in EvaluationScope scope) => node;
}

internal sealed class PathArgument(JsonPathExpression path, string? fieldName) : IntrinsicArgument
{
    public JsonPathExpression Path { get; } = path;

    internal override JsonNode? Evaluate(in EvaluationScope scope)
    {
        if (Path.TryEvaluate(scope, out var value))
        {
            return value;
        }

        throw PayloadErrors.PathNotFound(Path, fieldName, scope);
    }
}

internal sealed class CallArgument(IntrinsicExpression call) : IntrinsicArgument
{
    internal override JsonNode? Evaluate(in EvaluationScope scope) => call.Evaluate(scope);
}
