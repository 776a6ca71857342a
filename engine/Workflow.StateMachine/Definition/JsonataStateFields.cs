using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions.Jsonata;

namespace Workflow.StateMachine.Definition;

/// <summary>The JSONata fields of a state whose QueryLanguage is JSONata, compiled when the definition is parsed.</summary>
public sealed class JsonataStateFields
{
    public JsonataTemplate? Arguments { get; internal init; }

    public JsonataTemplate? Output { get; internal init; }

    /// <summary>The Assign object: each member a variable, its value a template.</summary>
    public JsonataTemplate? Assign { get; internal init; }

    /// <summary>Fail state's Error and Cause (strings or {% %} expressions).</summary>
    public JsonataTemplate? Error { get; internal init; }

    public JsonataTemplate? Cause { get; internal init; }
}

/// <summary>Parses the states that run JSONata: which fields each type takes, and the JSONPath-only ones it rejects.</summary>
internal static class JsonataStateParser
{
    private static readonly FrozenSet<string> JsonPathOnly = FrozenSet.Create(
        "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "ItemsPath", "TimeoutSecondsPath",
        "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath", "MaxConcurrencyPath",
        "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "Result");

    private static readonly FrozenDictionary<string, FrozenSet<string>> FieldsByType = new Dictionary<string, FrozenSet<string>>
    {
        ["Pass"] = Fields("Next", "End", "Output", "Assign"),
        ["Succeed"] = Fields("Output"),
        ["Fail"] = Fields("Error", "Cause"),
    }.ToFrozenDictionary();

    private static FrozenSet<string> Fields(params string[] names) => FrozenSet.Create([.. names, "Type", "Comment", "QueryLanguage"]);

    public static StateNode Parse(string name, string type, StateFields f)
    {
        foreach (var (field, _) in f.Obj)
        {
            if (JsonPathOnly.Contains(field))
            {
                throw new DefinitionException(DefinitionParser.Loc(f.Location, field), $"SCHEMA_VALIDATION_FAILED: The field '{field}' is not supported for states with QueryLanguage 'JSONata'");
            }
        }

        if (!FieldsByType.TryGetValue(type, out var allowed))
        {
            throw new DefinitionException(DefinitionParser.Loc(f.Location, "QueryLanguage"), $"UNSUPPORTED_FEATURE: QueryLanguage 'JSONata' is not supported yet by this engine for {type} states; use JSONPath");
        }

        foreach (var (field, _) in f.Obj)
        {
            if (!allowed.Contains(field))
            {
                throw new DefinitionException(DefinitionParser.Loc(f.Location, field), $"SCHEMA_VALIDATION_FAILED: Field '{field}' is not supported by {type} states");
            }
        }

        var jsonata = new JsonataStateFields
        {
            Output = Template(f, "Output"),
            Assign = Template(f, "Assign"),
            Error = Template(f, "Error"),
            Cause = Template(f, "Cause"),
        };
        switch (type)
        {
            case "Pass":
            {
                var (next, end) = f.Transition();
                return new PassStateNode(name) { Comment = f.Comment, Next = next, End = end, Jsonata = jsonata, EnteredEvent = "PassStateEntered", ExitedEvent = "PassStateExited" };
            }

            case "Succeed":
                return new SucceedStateNode(name) { Comment = f.Comment, Jsonata = jsonata, EnteredEvent = "SucceedStateEntered", ExitedEvent = "SucceedStateExited" };
            default:
                return new FailStateNode(name) { Comment = f.Comment, Jsonata = jsonata, EnteredEvent = "FailStateEntered", ExitedEvent = "FailStateExited" };
        }
    }

    private static JsonataTemplate? Template(StateFields f, string field)
    {
        if (!f.Obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (field == "Assign" && node is not JsonObject)
        {
            throw new DefinitionException(DefinitionParser.Loc(f.Location, field), "SCHEMA_VALIDATION_FAILED: 'Assign' must be an object");
        }

        return JsonataTemplate.Compile(node, field, DefinitionParser.Loc(f.Location, field));
    }
}
