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

    /// <summary>Wait state's Seconds or Timestamp (a literal or a {% %} expression).</summary>
    public JsonataTemplate? Seconds { get; internal init; }

    public JsonataTemplate? Timestamp { get; internal init; }
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
        ["Choice"] = Fields("Choices", "Default", "Output", "Assign"),
        ["Wait"] = Fields("Next", "End", "Seconds", "Timestamp", "Output", "Assign"),
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
            Seconds = Template(f, "Seconds"),
            Timestamp = Template(f, "Timestamp"),
        };
        switch (type)
        {
            case "Pass":
            {
                var (next, end) = f.Transition();
                return new PassStateNode(name) { Comment = f.Comment, Next = next, End = end, Jsonata = jsonata, EnteredEvent = "PassStateEntered", ExitedEvent = "PassStateExited" };
            }

            case "Choice":
                return ParseChoice(name, f, jsonata);
            case "Wait":
            {
                if ((jsonata.Seconds is null) == (jsonata.Timestamp is null))
                {
                    throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: A Wait state must have exactly one of 'Seconds' or 'Timestamp'");
                }

                var (next, end) = f.Transition();
                return new WaitStateNode(name) { Comment = f.Comment, Next = next, End = end, Jsonata = jsonata, EnteredEvent = "WaitStateEntered", ExitedEvent = "WaitStateExited" };
            }

            case "Succeed":
                return new SucceedStateNode(name) { Comment = f.Comment, Jsonata = jsonata, EnteredEvent = "SucceedStateEntered", ExitedEvent = "SucceedStateExited" };
            default:
                return new FailStateNode(name) { Comment = f.Comment, Jsonata = jsonata, EnteredEvent = "FailStateEntered", ExitedEvent = "FailStateExited" };
        }
    }

    private static ChoiceStateNode ParseChoice(string name, StateFields f, JsonataStateFields jsonata)
    {
        if (!f.Obj.TryGetPropertyValue("Choices", out var choicesNode) || choicesNode is not JsonArray choices || choices.Count == 0)
        {
            throw new DefinitionException(DefinitionParser.Loc(f.Location, "Choices"), "SCHEMA_VALIDATION_FAILED: The field 'Choices' must be a non-empty array");
        }

        var branches = new List<ChoiceBranch>(choices.Count);
        for (var i = 0; i < choices.Count; i++)
        {
            var location = $"{f.Location}/Choices/{i}";
            if (choices[i] is not JsonObject rule)
            {
                throw new DefinitionException(location, "SCHEMA_VALIDATION_FAILED: A choice rule must be an object");
            }

            var fields = new StateFields(rule, location);
            foreach (var (field, _) in rule)
            {
                if (field is not ("Condition" or "Next" or "Output" or "Assign" or "Comment"))
                {
                    throw new DefinitionException(DefinitionParser.Loc(location, field), $"SCHEMA_VALIDATION_FAILED: Field '{field}' is not supported in a JSONata choice rule");
                }
            }

            var condition = Template(fields, "Condition")
                ?? throw new DefinitionException(DefinitionParser.Loc(location, "Condition"), "SCHEMA_VALIDATION_FAILED: A JSONata choice rule must have a 'Condition'");
            var next = fields.OptionalString("Next")
                ?? throw new DefinitionException(DefinitionParser.Loc(location, "Next"), "SCHEMA_VALIDATION_FAILED: A choice rule must have a 'Next'");
            branches.Add(new ChoiceBranch
            {
                Condition = condition,
                Next = next,
                Jsonata = new JsonataStateFields { Output = Template(fields, "Output"), Assign = Template(fields, "Assign") },
            });
        }

        return new ChoiceStateNode(name)
        {
            Comment = f.Comment,
            Choices = branches,
            Default = f.OptionalString("Default"),
            Jsonata = jsonata,
            EnteredEvent = "ChoiceStateEntered",
            ExitedEvent = "ChoiceStateExited",
        };
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
