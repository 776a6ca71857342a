using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>
/// A compiled Step Functions JSONPath: <c>$...</c> reads the state input, <c>$$...</c> the context object and
/// <c>$name...</c> a workflow variable. Definite paths yield one value; paths with wildcards, <c>..</c>, filters,
/// slices or unions yield a JSON array of their matches, as Step Functions does. Instances are immutable and
/// cached by text.
/// </summary>
public sealed class JsonPathExpression
{
    private static readonly ConcurrentDictionary<string, JsonPathExpression> Cache = new(StringComparer.Ordinal);

    private readonly PathSegment[] segments;
    private readonly bool definite;
    private readonly bool selectsOne;
    private string? normalized;

    private readonly PathFunction? function;

    private JsonPathExpression(string text, PathRoot root, string? variable, PathSegment[] segments, PathFunction? function)
    {
        this.function = function;
        Text = text;
        Root = root;
        VariableName = variable;
        this.segments = segments;
        var isReference = true;
        var isDefinite = true;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            isReference &= segment is PropertySegment { IsSingle: true } or IndexSegment { IsSingle: true };
            var mergeAtLeaf = segment is PropertySegment { IsSingle: false } && i == segments.Length - 1;
            isDefinite &= segment.IsDefinite || mergeAtLeaf;
        }

        IsReferencePath = isReference && function is null;
        definite = isDefinite;
        selectsOne = isDefinite || function is not null;
    }

    public string Text { get; }

    internal PathSegment[] Segments => segments;

    public PathRoot Root { get; }

    /// <summary>The variable name for <c>$name...</c> paths, otherwise null.</summary>
    public string? VariableName { get; }

    /// <summary>Selects a single value: only member names and array indexes, no wildcard, filter, slice or union.</summary>
    public bool IsReferencePath { get; }

    /// <summary>Selects at most one value (a reference path, or a member union at the end of the path).</summary>
    public bool IsDefinite => selectsOne;

    /// <summary>True for <c>$</c>, <c>$$</c> and <c>$name</c> with no further steps.</summary>
    public bool IsRootOnly => segments.Length == 0 && function is null;

    /// <summary>Jayway's normalised form of the path after its root (<c>$['a'][0]</c>), as it appears in AWS causes.</summary>
    public string NormalizedPath => normalized ??= function is null ? Normalize(segments.Length) : $"{Normalize(segments.Length)}.{function.Name}()";

    /// <summary>Compiles (or returns the cached) path; invalid syntax throws <see cref="ArgumentException"/>.</summary>
    public static JsonPathExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var (root, variable, segments, function) = JsonPathParser.Parse(text);
        var compiled = new JsonPathExpression(text, root, variable, segments, function);
        return Cache.GetOrAdd(text, compiled);
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPathExpression? path, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            path = Parse(text);
            problem = null;
            return true;
        }
        catch (ArgumentException e)
        {
            path = null;
            problem = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Evaluates the path. Definite paths return the node found in the scope (not a copy: clone it before inserting
    /// it elsewhere) and false when nothing is there; other paths always succeed with a fresh array of copies.
    /// </summary>
    public bool TryEvaluate(in EvaluationScope scope, out JsonNode? value)
    {
        if (!TryGetRoot(scope, out var node))
        {
            value = null;
            return false;
        }

        if (definite)
        {
            if (!TryEvaluateDefinite(node, out value))
            {
                return false;
            }
        }
        else
        {
            var results = new List<JsonNode?>();
            new PathWalker(segments, results, node).Continue(node, 0);
            var array = new JsonArray();
            foreach (var item in results)
            {
                array.Add(JsonValues.Clone(item));
            }

            value = array;
        }

        return function is null || function.TryApply(value, out value);
    }

    /// <summary>
    /// Evaluates the path or throws <c>States.Runtime</c> with AWS's cause for InputPath/OutputPath-style failures
    /// (<c>Invalid path '$.a.b' : Missing property in path $['a']</c>).
    /// </summary>
    public JsonNode? Evaluate(in EvaluationScope scope)
    {
        if (TryEvaluate(scope, out var value))
        {
            return value;
        }

        throw new StatesException("States.Runtime", $"Invalid path '{Text}' : {DescribeFailure(scope)}");
    }

    /// <summary>
    /// Evaluates the path for a state field that names it directly (<c>ErrorPath</c>, <c>ItemsPath</c>...), throwing
    /// <c>States.Runtime</c> with AWS's cause when nothing is found:
    /// <c>The JSONPath '$.x' specified for the field 'ErrorPath' could not be found in the input '{...}'</c>.
    /// </summary>
    public JsonNode? EvaluateForField(in EvaluationScope scope, string fieldName)
    {
        if (TryEvaluate(scope, out var value))
        {
            return value;
        }

        throw PayloadErrors.PathNotFound(this, fieldName, scope);
    }

    /// <summary>Why a definite path found nothing, in the words of the Jayway JsonPath library that AWS uses.</summary>
    public string DescribeFailure(in EvaluationScope scope)
    {
        if (!TryGetRoot(scope, out var node))
        {
            return Root == PathRoot.Variable
                ? $"The variable '{VariableName}' is not defined"
                : $"No results for path: {NormalizedPath}";
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var isLeaf = i == segments.Length - 1;
            switch (segments[i])
            {
                case PropertySegment property:
                    if (node is not JsonObject obj)
                    {
                        return $"Expected to find an object with property {Fragment(property)} in path {Normalize(i)} but found '{JavaClassName(node)}'. "
                            + "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.";
                    }

                    if (!obj.TryGetPropertyValue(property.Name, out node))
                    {
                        return isLeaf ? $"No results for path: {NormalizedPath}" : $"Missing property in path {Normalize(i + 1)}";
                    }

                    break;
                case IndexSegment index:
                    if (node is null)
                    {
                        return $"The path {Normalize(i)} is null";
                    }

                    if (node is not JsonArray array)
                    {
                        return $"Filter: {Fragment(index)} can only be applied to arrays. Current context is: {JsonValues.ToCompactJson(node)}";
                    }

                    if (!IndexSegment.TryGetElement(array, index.Index, out node))
                    {
                        return $"No results for path: {NormalizedPath}";
                    }

                    break;
            }
        }

        return $"No results for path: {NormalizedPath}";
    }

    public override string ToString() => Text;

    private bool TryGetRoot(in EvaluationScope scope, out JsonNode? node)
    {
        switch (Root)
        {
            case PathRoot.Input:
                node = scope.Input;
                return true;
            case PathRoot.Context:
                node = scope.Context;
                return true;
            default:
                if (scope.Variables is { } variables && variables.TryGet(VariableName!, out node))
                {
                    return true;
                }

                node = null;
                return false;
        }
    }

    private bool TryEvaluateDefinite(JsonNode? node, out JsonNode? value)
    {
        var current = node;
        for (var i = 0; i < segments.Length; i++)
        {
            switch (segments[i])
            {
                case PropertySegment { IsSingle: true } property:
                    if (current is not JsonObject obj || !obj.TryGetPropertyValue(property.Name, out current))
                    {
                        value = null;
                        return false;
                    }

                    break;
                case PropertySegment merge:
                    if (current is not JsonObject mergeSource)
                    {
                        value = null;
                        return false;
                    }

                    value = merge.MergeProperties(mergeSource);
                    return true;
                case IndexSegment index:
                    if (current is not JsonArray array || !IndexSegment.TryGetElement(array, index.Index, out current))
                    {
                        value = null;
                        return false;
                    }

                    break;
            }
        }

        value = current;
        return true;
    }

    private string Normalize(int count)
    {
        var builder = new StringBuilder("$");
        for (var i = 0; i < count; i++)
        {
            segments[i].AppendNormalized(builder);
        }

        return builder.ToString();
    }

    private static string Fragment(PathSegment segment)
    {
        var builder = new StringBuilder();
        segment.AppendNormalized(builder);
        return builder.ToString();
    }

    /// <summary>The Java class Jayway (json-smart) would hold the value as, named in its error messages.</summary>
    private static string JavaClassName(JsonNode? node)
    {
        switch (JsonValues.KindOf(node))
        {
            case System.Text.Json.JsonValueKind.Null:
                return "null";
            case System.Text.Json.JsonValueKind.String:
                return "java.lang.String";
            case System.Text.Json.JsonValueKind.True:
            case System.Text.Json.JsonValueKind.False:
                return "java.lang.Boolean";
            case System.Text.Json.JsonValueKind.Number:
                if (!JsonValues.IsIntegerLiteral(node!))
                {
                    return "java.lang.Double";
                }

                JsonValues.TryGetDecimal(node, out var number);
                return number is >= int.MinValue and <= int.MaxValue ? "java.lang.Integer"
                    : number is >= long.MinValue and <= long.MaxValue ? "java.lang.Long"
                    : "java.math.BigInteger";
            case System.Text.Json.JsonValueKind.Array:
                return "net.minidev.json.JSONArray";
            default:
                return "net.minidev.json.JSONObject";
        }
    }
}
