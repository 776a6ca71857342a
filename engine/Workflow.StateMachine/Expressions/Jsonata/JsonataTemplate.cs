using System.Text.Json.Nodes;
using Workflow.Jsonata;

namespace Workflow.StateMachine.Expressions.Jsonata;

/// <summary>
/// A JSONata-state field value (<c>Arguments</c>, <c>Output</c>, <c>Assign</c>, <c>Items</c>...) compiled once:
/// every string of the form <c>{% expression %}</c>, at any depth, is a JSONata expression; everything else is
/// copied. Evaluation fails with <see cref="QueryEvaluationException"/> when an expression throws or yields
/// nothing, naming the field path as AWS does (e.g. <c>Output/result</c>).
/// </summary>
public sealed class JsonataTemplate
{
    private abstract record Part;

    private sealed record Literal(JsonNode? Value) : Part;

    private sealed record Expression(string Text, JsonataExpression Compiled, string Field) : Part;

    private sealed record ObjectPart(List<(string Name, Part Value)> Members) : Part;

    private sealed record ArrayPart(List<Part> Items) : Part;

    private readonly Part _root;

    private JsonataTemplate(Part root, string fieldName)
    {
        _root = root;
        FieldName = fieldName;
    }

    public string FieldName { get; }

    /// <summary>True when the whole field is one <c>{% %}</c> expression.</summary>
    public bool IsSingleExpression => _root is Expression;

    /// <summary>Whether a string is a JSONata expression: it starts with <c>{%</c> and ends with <c>%}</c>.</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>Compiles a field; a syntax error is a <see cref="DefinitionException"/> at the field's location.</summary>
    public static JsonataTemplate Compile(JsonNode? value, string fieldName, string location) =>
        new(CompilePart(value, fieldName, location), fieldName);

    private static Part CompilePart(JsonNode? node, string field, string location)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var members = new List<(string, Part)>(obj.Count);
                foreach (var (name, value) in obj)
                {
                    members.Add((name, CompilePart(value, $"{field}/{name}", $"{location}/{name}")));
                }

                return members.All(m => m.Item2 is Literal) ? new Literal(obj.DeepClone()) : new ObjectPart(members);
            }

            case JsonArray array:
            {
                var items = array.Select((item, i) => CompilePart(item, field, $"{location}[{i}]")).ToList();
                return items.All(i => i is Literal) ? new Literal(array.DeepClone()) : new ArrayPart(items);
            }

            case JsonValue v when v.TryGetValue(out string? text) && IsExpression(text):
            {
                var source = text[2..^2];
                try
                {
                    return new Expression(source.Trim(), JsonataExpression.Compile(source), field);
                }
                catch (JsonataException e)
                {
                    throw new DefinitionException(location, $"SCHEMA_VALIDATION_FAILED: The JSONata expression '{source.Trim()}' is not valid: {e.Code}: {e.Message}");
                }
            }

            default:
                return new Literal(node?.DeepClone());
        }
    }

    /// <summary>Builds the field's value for one evaluation.</summary>
    public JsonNode? Evaluate(IReadOnlyDictionary<string, object?> bindings, EvaluationOptions options) => EvaluatePart(_root, bindings, options);

    /// <summary>The raw JSONata value of a single-expression field (used where a type must be checked, e.g. Items).</summary>
    public object? EvaluateValue(IReadOnlyDictionary<string, object?> bindings, EvaluationOptions options) =>
        _root is Expression e ? Run(e, bindings, options) : JsonataValues.FromJsonNode(EvaluatePart(_root, bindings, options));

    /// <summary>The expression text of a single-expression field, for error messages.</summary>
    public string? ExpressionText => (_root as Expression)?.Text;

    private static JsonNode? EvaluatePart(Part part, IReadOnlyDictionary<string, object?> bindings, EvaluationOptions options)
    {
        switch (part)
        {
            case Literal literal:
                return literal.Value?.DeepClone();
            case Expression expression:
                return JsonataValues.ToJsonNode(Run(expression, bindings, options));
            case ObjectPart obj:
            {
                var result = new JsonObject();
                foreach (var (name, value) in obj.Members)
                {
                    result[name] = EvaluatePart(value, bindings, options);
                }

                return result;
            }

            default:
            {
                var result = new JsonArray();
                foreach (var item in ((ArrayPart)part).Items)
                {
                    result.Add(EvaluatePart(item, bindings, options));
                }

                return result;
            }
        }
    }

    private static object Run(Expression expression, IReadOnlyDictionary<string, object?> bindings, EvaluationOptions options)
    {
        object? value;
        try
        {
            value = expression.Compiled.Evaluate(null, bindings, options);
        }
        catch (JsonataException e)
        {
            throw QueryEvaluationException.Threw(expression.Text, expression.Field, e);
        }

        return value ?? throw QueryEvaluationException.ReturnedNothing(expression.Text, expression.Field);
    }
}
