using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Definition;

/// <summary>Reads and compiles the fields of one state object, reporting problems at their JSON location.</summary>
internal readonly struct StateFields(JsonObject obj, string location)
{
    public JsonObject Obj { get; } = obj;

    public string Location { get; } = location;

    public string? Comment => Obj["Comment"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public (string? Next, bool End) Transition()
    {
        var next = OptionalString("Next");
        var end = false;
        if (Obj.TryGetPropertyValue("End", out var endNode))
        {
            if (endNode is not JsonValue v || !v.TryGetValue(out bool b))
            {
                throw new DefinitionException(DefinitionParser.Loc(Location, "End"), "SCHEMA_VALIDATION_FAILED: 'End' must be a boolean");
            }

            end = b;
        }

        if (next is not null && end)
        {
            throw new DefinitionException(Location, "SCHEMA_VALIDATION_FAILED: 'Next' and 'End' are mutually exclusive");
        }

        if (next is null && !end)
        {
            throw new DefinitionException(Location, "MISSING_TRANSITION_TARGET: State must have either 'Next' or 'End': true");
        }

        return (next, end);
    }

    public string? OptionalString(string field)
    {
        if (!Obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue(out string? s))
        {
            return s;
        }

        throw new DefinitionException(DefinitionParser.Loc(Location, field), $"SCHEMA_VALIDATION_FAILED: '{field}' must be a string");
    }

    public DataPath DataPath(string field)
    {
        if (!Obj.TryGetPropertyValue(field, out var node))
        {
            return Definition.DataPath.Root;
        }

        if (node is null)
        {
            return Definition.DataPath.Null;
        }

        var text = OptionalString(field)!;
        return text == "$" ? Definition.DataPath.Root : new DataPath(CompilePath(text, field, reference: false), false);
    }

    public JsonPathExpression? Path(string field)
    {
        var text = OptionalString(field);
        return text is null ? null : CompilePath(text, field, reference: false);
    }

    public ResultPathSpec ResultPath(string field)
    {
        if (!Obj.TryGetPropertyValue(field, out var node))
        {
            return ResultPathSpec.Default;
        }

        if (node is null)
        {
            return new ResultPathSpec(null, true);
        }

        var text = OptionalString(field)!;
        CompilePath(text, field, reference: true);
        return new ResultPathSpec(text, false);
    }

    public PayloadTemplate? Template(string field) =>
        Obj.TryGetPropertyValue(field, out var node) ? ParseTemplate(node, field, DefinitionParser.Loc(Location, field)) : null;

    public static PayloadTemplate ParseTemplate(JsonNode? node, string field, string location)
    {
        try
        {
            return PayloadTemplate.Parse(node, field);
        }
        catch (DefinitionException ex) when (!ex.Location.StartsWith('/'))
        {
            throw new DefinitionException(ex.Location.Length == 0 ? location : $"{location}/{ex.Location}", ex.Problem);
        }
        catch (DefinitionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or StatesException)
        {
            throw new DefinitionException(location, $"SCHEMA_VALIDATION_FAILED: {ex.Message}");
        }
    }

    private JsonPathExpression CompilePath(string text, string field, bool reference)
    {
        JsonPathExpression path;
        try
        {
            path = JsonPathExpression.Parse(text);
        }
        catch (Exception ex) when (ex is DefinitionException or FormatException or ArgumentException or InvalidOperationException or StatesException)
        {
            throw new DefinitionException(DefinitionParser.Loc(Location, field), $"INVALID_JSON_PATH: Invalid JSON path in field '{field}': {text}");
        }

        if (reference && !path.IsReferencePath)
        {
            throw new DefinitionException(DefinitionParser.Loc(Location, field), $"INVALID_JSON_PATH: The value for the field '{field}' must be a valid reference path: {text}");
        }

        return path;
    }
}
