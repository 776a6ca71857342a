using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>
/// A compiled payload template (<c>Parameters</c>, <c>ResultSelector</c>, <c>ItemSelector</c>, <c>Assign</c>...):
/// members whose name ends in <c>.$</c> take the value of a path (<c>$</c>, <c>$$</c>, <c>$name</c>) or an
/// intrinsic function call, under the name without the suffix; everything else is copied as is, at any depth.
/// </summary>
public sealed class PayloadTemplate
{
    private const string DynamicSuffix = ".$";

    private readonly TemplateNode root;

    private PayloadTemplate(TemplateNode root, string fieldName)
    {
        this.root = root;
        FieldName = fieldName;
    }

    /// <summary>The state field the template came from (e.g. <c>Parameters</c>).</summary>
    public string FieldName { get; }

    /// <summary>True when the template has no <c>.$</c> member, so evaluation only copies it.</summary>
    public bool IsStatic => root is LiteralNode;

    /// <summary>
    /// Compiles a template. A <c>.$</c> member whose value is not a string holding a valid path or intrinsic call
    /// throws <see cref="DefinitionException"/>; its location is relative to the template (e.g. <c>a/b.$</c>).
    /// </summary>
    public static PayloadTemplate Parse(JsonNode? template, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        return new PayloadTemplate(Compile(template, string.Empty), fieldName);
    }

    /// <summary>Builds a fresh document; a path that matches nothing throws <c>States.Runtime</c>.</summary>
    public JsonNode? Evaluate(in EvaluationScope scope) => root.Evaluate(scope);

    private static TemplateNode Compile(JsonNode? node, string location)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var members = new List<(string Name, TemplateNode Value)>(obj.Count);
                var names = new HashSet<string>(StringComparer.Ordinal);
                var dynamic = false;
                foreach (var (key, value) in obj)
                {
                    var memberLocation = location.Length == 0 ? key : $"{location}/{key}";
                    TemplateNode compiled;
                    string name;
                    if (key.EndsWith(DynamicSuffix, StringComparison.Ordinal))
                    {
                        name = key[..^DynamicSuffix.Length];
                        compiled = CompileDynamic(key, value, memberLocation);
                        dynamic = true;
                    }
                    else
                    {
                        name = key;
                        compiled = Compile(value, memberLocation);
                        dynamic |= compiled is not LiteralNode;
                    }

                    if (!names.Add(name))
                    {
                        throw new DefinitionException(
                            memberLocation,
                            $"SCHEMA_VALIDATION_FAILED: The field '{name}' is specified more than once (with and without '.$')");
                    }

                    members.Add((name, compiled));
                }

                return dynamic ? new ObjectNode([.. members]) : new LiteralNode(JsonValues.Clone(obj));
            }

            case JsonArray array:
            {
                var items = new TemplateNode[array.Count];
                var dynamic = false;
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = Compile(array[i], location.Length == 0 ? $"{i}" : $"{location}/{i}");
                    dynamic |= items[i] is not LiteralNode;
                }

                return dynamic ? new ArrayNode(items) : new LiteralNode(JsonValues.Clone(array));
            }

            default:
                return new LiteralNode(JsonValues.Clone(node));
        }
    }

    private static TemplateNode CompileDynamic(string key, JsonNode? value, string location)
    {
        if (!JsonValues.TryGetString(value, out var text))
        {
            throw new DefinitionException(
                location,
                $"SCHEMA_VALIDATION_FAILED: The value for the field '{key}' must be a STRING that contains a JSONPath or an intrinsic function call");
        }

        if (text.StartsWith('$'))
        {
            if (JsonPathExpression.TryParse(text, out var path, out _))
            {
                return new PathNode(path, key);
            }
        }
        else if (IntrinsicFunctions.IsIntrinsic(text))
        {
            try
            {
                return new IntrinsicNode(IntrinsicFunctions.Parse(text, key));
            }
            catch (ArgumentException e)
            {
                throw new DefinitionException(
                    location,
                    $"INVALID_JSON_PATH: The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call: {e.Message}");
            }
        }

        throw new DefinitionException(
            location,
            $"INVALID_JSON_PATH: The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call");
    }

    private abstract class TemplateNode
    {
        public abstract JsonNode? Evaluate(in EvaluationScope scope);
    }

    private sealed class LiteralNode(JsonNode? value) : TemplateNode
    {
        public override JsonNode? Evaluate(in EvaluationScope scope) => JsonValues.Clone(value);
    }

    private sealed class ObjectNode((string Name, TemplateNode Value)[] members) : TemplateNode
    {
        public override JsonNode? Evaluate(in EvaluationScope scope)
        {
            var result = new JsonObject();
            foreach (var (name, value) in members)
            {
                result.Add(name, value.Evaluate(scope));
            }

            return result;
        }
    }

    private sealed class ArrayNode(TemplateNode[] items) : TemplateNode
    {
        public override JsonNode? Evaluate(in EvaluationScope scope)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                result.Add(item.Evaluate(scope));
            }

            return result;
        }
    }

    private sealed class PathNode(JsonPathExpression path, string key) : TemplateNode
    {
        public override JsonNode? Evaluate(in EvaluationScope scope)
        {
            if (!path.TryEvaluate(scope, out var value))
            {
                throw PayloadErrors.PathNotFound(path, key, scope);
            }

            // Indefinite paths already return a fresh array of copies.
            return path.IsDefinite ? JsonValues.Clone(value) : value;
        }
    }

    private sealed class IntrinsicNode(IntrinsicExpression call) : TemplateNode
    {
        public override JsonNode? Evaluate(in EvaluationScope scope)
        {
            var value = call.Evaluate(scope);
            return value?.Parent is null ? value : JsonValues.Clone(value);
        }
    }
}
