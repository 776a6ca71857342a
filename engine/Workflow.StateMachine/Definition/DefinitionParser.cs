using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Definition;

/// <summary>
/// Turns ASL JSON into a validated <see cref="StatesGraph"/>, rejecting what Step Functions rejects at
/// CreateStateMachine with a <see cref="DefinitionException"/> naming the JSON location.
/// Paths, templates and Choice rules are compiled here once so executions never re-parse them.
/// </summary>
public static class DefinitionParser
{
    private static readonly FrozenSet<string> TopLevelFields = FrozenSet.Create("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");
    private static readonly FrozenSet<string> NestedFields = FrozenSet.Create("StartAt", "States", "Comment", "QueryLanguage");
    private static readonly FrozenSet<string> ProcessorFields = FrozenSet.Create("StartAt", "States", "Comment", "QueryLanguage", "ProcessorConfig");

    private static readonly FrozenDictionary<string, FrozenSet<string>> FieldsByType = new Dictionary<string, FrozenSet<string>>
    {
        ["Pass"] = Fields("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result", "Assign"),
        ["Task"] = Fields("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Retry", "Catch", "Credentials", "Assign"),
        ["Choice"] = Fields("InputPath", "OutputPath", "Choices", "Default", "Assign"),
        ["Wait"] = Fields("Next", "End", "InputPath", "OutputPath", "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"),
        ["Succeed"] = Fields("InputPath", "OutputPath"),
        ["Fail"] = Fields("Error", "Cause", "ErrorPath", "CausePath"),
        ["Parallel"] = Fields("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Branches", "Retry", "Catch", "Assign"),
        ["Map"] = Fields("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "ItemsPath", "ItemSelector", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label", "Retry", "Catch", "Assign"),
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> RetrierFields = FrozenSet.Create("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static readonly FrozenSet<string> CatcherFields = FrozenSet.Create("ErrorEquals", "Next", "ResultPath", "Comment", "Assign");

    /// <summary>Parses definition text (JSON syntax errors become a <see cref="DefinitionException"/> too).</summary>
    public static StatesGraph Parse(string definitionJson)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(definitionJson, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new DefinitionException($"line {(ex.LineNumber ?? 0) + 1}", $"INVALID_JSON_DESCRIPTION: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw new DefinitionException("/", $"INVALID_JSON_DESCRIPTION: {ex.Message}");
        }

        return Parse(root);
    }

    public static StatesGraph Parse(JsonNode? root)
    {
        if (root is not JsonObject obj)
        {
            throw new DefinitionException("/", "INVALID_JSON_DESCRIPTION: the definition must be a JSON object");
        }

        return ParseGraph(obj, "", TopLevelFields, QueryLanguage(obj, "", "JSONPath"));
    }

    private static FrozenSet<string> Fields(params string[] names) => FrozenSet.Create([.. names, "Type", "Comment", "QueryLanguage"]);

    /// <summary>The QueryLanguage a definition object sets, or <paramref name="inherited"/> when it sets none.</summary>
    private static string QueryLanguage(JsonObject obj, string location, string inherited)
    {
        if (!obj.TryGetPropertyValue("QueryLanguage", out var language))
        {
            return inherited;
        }

        var text = language is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (text is not ("JSONPath" or "JSONata"))
        {
            throw new DefinitionException(Loc(location, "QueryLanguage"), "SCHEMA_VALIDATION_FAILED: QueryLanguage must be 'JSONPath' or 'JSONata'");
        }

        // A machine in JSONata cannot hold JSONPath states; a JSONPath machine may opt single states into JSONata.
        if (inherited == "JSONata" && text == "JSONPath")
        {
            throw new DefinitionException(Loc(location, "QueryLanguage"), "SCHEMA_VALIDATION_FAILED: A state cannot use QueryLanguage 'JSONPath' when the state machine uses 'JSONata'");
        }

        return text;
    }

    private static StatesGraph ParseGraph(JsonObject obj, string location, FrozenSet<string> allowed, string language = "JSONPath")
    {
        RejectUnknown(obj, allowed, location);
        var startAt = RequiredString(obj, "StartAt", location);
        if (!obj.TryGetPropertyValue("States", out var statesNode) || statesNode is not JsonObject states)
        {
            throw new DefinitionException(Loc(location, "States"), "SCHEMA_VALIDATION_FAILED: The field 'States' is required and must be an object");
        }

        if (states.Count == 0)
        {
            throw new DefinitionException(Loc(location, "States"), "SCHEMA_VALIDATION_FAILED: 'States' must contain at least one state");
        }

        int? timeout = null;
        if (obj.TryGetPropertyValue("TimeoutSeconds", out var timeoutNode))
        {
            timeout = PositiveInt(timeoutNode, Loc(location, "TimeoutSeconds"), allowZero: false);
        }

        var nodes = new Dictionary<string, StateNode>(states.Count, StringComparer.Ordinal);
        foreach (var (name, stateNode) in states)
        {
            var stateLocation = $"{location}/States/{name}";
            if (name.Length == 0 || name.Length > 80)
            {
                throw new DefinitionException(stateLocation, "SCHEMA_VALIDATION_FAILED: State names must be 1 to 80 characters long");
            }

            if (stateNode is not JsonObject stateObj)
            {
                throw new DefinitionException(stateLocation, "SCHEMA_VALIDATION_FAILED: A state must be a JSON object");
            }

            nodes[name] = ParseState(name, stateObj, stateLocation, language);
        }

        if (!nodes.ContainsKey(startAt))
        {
            throw new DefinitionException(Loc(location, "StartAt"), $"MISSING_TRANSITION_TARGET: Missing 'Next' target: {startAt}");
        }

        CheckTransitionsAndReachability(nodes, startAt, location);
        var comment = obj["Comment"] is JsonValue c && c.TryGetValue(out string? cs) ? cs : null;
        return new StatesGraph(startAt, nodes.ToFrozenDictionary(StringComparer.Ordinal), comment, timeout);
    }

    private static void CheckTransitionsAndReachability(Dictionary<string, StateNode> nodes, string startAt, string location)
    {
        foreach (var node in nodes.Values)
        {
            foreach (var (target, field) in Targets(node))
            {
                if (!nodes.ContainsKey(target))
                {
                    throw new DefinitionException($"{location}/States/{node.Name}/{field}", $"MISSING_TRANSITION_TARGET: Missing 'Next' target: {target}");
                }
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Stack<string>();
        pending.Push(startAt);
        while (pending.Count > 0)
        {
            foreach (var (target, _) in Targets(nodes[pending.Pop()]))
            {
                if (reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        foreach (var name in nodes.Keys)
        {
            if (!reached.Contains(name))
            {
                throw new DefinitionException($"{location}/States/{name}", $"MISSING_TRANSITION_TARGET: State \"{name}\" is not reachable");
            }
        }
    }

    private static IEnumerable<(string Target, string Field)> Targets(StateNode node)
    {
        if (node.Next is not null)
        {
            yield return (node.Next, "Next");
        }

        if (node is ChoiceStateNode choice)
        {
            for (var i = 0; i < choice.Choices.Count; i++)
            {
                if (choice.Choices[i].Next is { } next)
                {
                    yield return (next, $"Choices/{i}/Next");
                }
            }

            if (choice.Default is not null)
            {
                yield return (choice.Default, "Default");
            }
        }

        if (node is RecoverableStateNode recoverable)
        {
            for (var i = 0; i < recoverable.Catch.Count; i++)
            {
                yield return (recoverable.Catch[i].Next, $"Catch/{i}/Next");
            }
        }
    }

    private static StateNode ParseState(string name, JsonObject obj, string location, string inheritedLanguage)
    {
        var language = QueryLanguage(obj, location, inheritedLanguage);
        var type = RequiredString(obj, "Type", location);
        if (!FieldsByType.TryGetValue(type, out var allowed))
        {
            throw new DefinitionException(Loc(location, "Type"), $"SCHEMA_VALIDATION_FAILED: Unknown state type '{type}'");
        }

        if (language == "JSONata")
        {
            return JsonataStateParser.Parse(name, type, new StateFields(obj, location));
        }

        RejectUnknown(obj, allowed, location);
        var context = new StateFields(obj, location);
        StateNode node = type switch
        {
            "Pass" => ParsePass(name, context),
            "Task" => ParseTask(name, context),
            "Choice" => ParseChoice(name, context),
            "Wait" => ParseWait(name, context),
            "Succeed" => new SucceedStateNode(name)
            {
                Comment = context.Comment,
                InputPath = context.DataPath("InputPath"),
                OutputPath = context.DataPath("OutputPath"),
                EnteredEvent = "SucceedStateEntered",
                ExitedEvent = "SucceedStateExited",
            },
            "Fail" => ParseFail(name, context),
            "Parallel" => ParseParallel(name, context),
            _ => ParseMap(name, context),
        };
        node.UsesContext = ReadsContextObject(obj);
        return node;
    }

    /// <summary>A conservative textual check: any string mentioning <c>$$</c> outside nested state graphs.</summary>
    private static bool ReadsContextObject(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "Branches" or "ItemProcessor" or "Iterator")
                    {
                        continue;
                    }

                    if (ReadsContextObject(value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (ReadsContextObject(item))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>().Contains("$$", StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private static PassStateNode ParsePass(string name, StateFields f)
    {
        var (next, end) = f.Transition();
        return new PassStateNode(name)
        {
            Comment = f.Comment,
            Next = next,
            End = end,
            InputPath = f.DataPath("InputPath"),
            OutputPath = f.DataPath("OutputPath"),
            ResultPath = f.ResultPath("ResultPath"),
            Parameters = f.Template("Parameters"),
            HasResult = f.Obj.ContainsKey("Result"),
            Result = Runtime.JsonText.Materialize(f.Obj["Result"]?.DeepClone()),
            Assign = f.Template("Assign"),
            EnteredEvent = "PassStateEntered",
            ExitedEvent = "PassStateExited",
        };
    }

    private static TaskStateNode ParseTask(string name, StateFields f)
    {
        var (next, end) = f.Transition();
        var resource = RequiredString(f.Obj, "Resource", f.Location);
        if (!ResourceDescriptor.TryParse(resource, out var descriptor))
        {
            throw new DefinitionException(Loc(f.Location, "Resource"), $"INVALID_RESOURCE: Invalid resource: {resource}");
        }

        int? timeout = f.Obj.TryGetPropertyValue("TimeoutSeconds", out var t) ? PositiveInt(t, Loc(f.Location, "TimeoutSeconds"), false) : null;
        int? heartbeat = f.Obj.TryGetPropertyValue("HeartbeatSeconds", out var h) ? PositiveInt(h, Loc(f.Location, "HeartbeatSeconds"), false) : null;
        if (timeout is not null && f.Obj.ContainsKey("TimeoutSecondsPath"))
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: TimeoutSeconds and TimeoutSecondsPath are mutually exclusive");
        }

        if (heartbeat is not null && f.Obj.ContainsKey("HeartbeatSecondsPath"))
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: HeartbeatSeconds and HeartbeatSecondsPath are mutually exclusive");
        }

        if (heartbeat is not null && timeout is not null && heartbeat >= timeout)
        {
            throw new DefinitionException(Loc(f.Location, "HeartbeatSeconds"), "SCHEMA_VALIDATION_FAILED: HeartbeatSeconds must be smaller than TimeoutSeconds");
        }

        return new TaskStateNode(name)
        {
            Comment = f.Comment,
            Next = next,
            End = end,
            Resource = resource,
            ResourceInfo = descriptor!,
            InputPath = f.DataPath("InputPath"),
            OutputPath = f.DataPath("OutputPath"),
            ResultPath = f.ResultPath("ResultPath"),
            Parameters = f.Template("Parameters"),
            ResultSelector = f.Template("ResultSelector"),
            Credentials = f.Template("Credentials"),
            TimeoutSeconds = timeout,
            TimeoutSecondsPath = f.Path("TimeoutSecondsPath"),
            HeartbeatSeconds = heartbeat,
            HeartbeatSecondsPath = f.Path("HeartbeatSecondsPath"),
            Retry = ParseRetry(f),
            Catch = ParseCatch(f),
            Assign = f.Template("Assign"),
            EnteredEvent = "TaskStateEntered",
            ExitedEvent = "TaskStateExited",
        };
    }

    private static ChoiceStateNode ParseChoice(string name, StateFields f)
    {
        if (f.Obj.ContainsKey("Next") || f.Obj.ContainsKey("End"))
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: A Choice state cannot have 'Next' or 'End'");
        }

        if (!f.Obj.TryGetPropertyValue("Choices", out var choicesNode) || choicesNode is not JsonArray choices || choices.Count == 0)
        {
            throw new DefinitionException(Loc(f.Location, "Choices"), "SCHEMA_VALIDATION_FAILED: The field 'Choices' must be a non-empty array");
        }

        var rules = new List<ChoiceBranch>(choices.Count);
        for (var i = 0; i < choices.Count; i++)
        {
            var ruleLocation = $"{f.Location}/Choices/{i}";
            if (choices[i] is not JsonObject ruleObj)
            {
                throw new DefinitionException(ruleLocation, "SCHEMA_VALIDATION_FAILED: A choice rule must be an object");
            }

            rules.Add(ChoiceRuleParsing.Parse(ruleObj, ruleLocation));
        }

        var defaultTarget = f.OptionalString("Default");
        return new ChoiceStateNode(name)
        {
            Comment = f.Comment,
            Choices = rules,
            Default = defaultTarget,
            InputPath = f.DataPath("InputPath"),
            OutputPath = f.DataPath("OutputPath"),
            Assign = f.Template("Assign"),
            EnteredEvent = "ChoiceStateEntered",
            ExitedEvent = "ChoiceStateExited",
        };
    }

    private static WaitStateNode ParseWait(string name, StateFields f)
    {
        var (next, end) = f.Transition();
        var present = new[] { "Seconds", "Timestamp", "SecondsPath", "TimestampPath" }.Where(f.Obj.ContainsKey).ToArray();
        if (present.Length != 1)
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: A Wait state must have exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath'");
        }

        long? seconds = null;
        DateTimeOffset? timestamp = null;
        if (f.Obj["Seconds"] is { } secondsNode)
        {
            seconds = PositiveInt(secondsNode, Loc(f.Location, "Seconds"), allowZero: true);
        }

        if (f.Obj.ContainsKey("Timestamp"))
        {
            var text = f.OptionalString("Timestamp")!;
            if (!WaitTimestamps.TryParse(text, out var parsed))
            {
                throw new DefinitionException(Loc(f.Location, "Timestamp"), $"SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp: {text}");
            }

            timestamp = parsed;
        }

        return new WaitStateNode(name)
        {
            Comment = f.Comment,
            Next = next,
            End = end,
            InputPath = f.DataPath("InputPath"),
            OutputPath = f.DataPath("OutputPath"),
            Seconds = seconds,
            Timestamp = timestamp,
            SecondsPath = f.Path("SecondsPath"),
            SecondsPathText = f.OptionalString("SecondsPath"),
            TimestampPath = f.Path("TimestampPath"),
            TimestampPathText = f.OptionalString("TimestampPath"),
            Assign = f.Template("Assign"),
            EnteredEvent = "WaitStateEntered",
            ExitedEvent = "WaitStateExited",
        };
    }

    private static FailStateNode ParseFail(string name, StateFields f)
    {
        if (f.Obj.ContainsKey("Error") && f.Obj.ContainsKey("ErrorPath"))
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: Error and ErrorPath are mutually exclusive");
        }

        if (f.Obj.ContainsKey("Cause") && f.Obj.ContainsKey("CausePath"))
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: Cause and CausePath are mutually exclusive");
        }

        return new FailStateNode(name)
        {
            Comment = f.Comment,
            Error = f.OptionalString("Error"),
            Cause = f.OptionalString("Cause"),
            ErrorPath = f.Path("ErrorPath"),
            ErrorPathText = f.OptionalString("ErrorPath"),
            CausePath = f.Path("CausePath"),
            CausePathText = f.OptionalString("CausePath"),
            EnteredEvent = "FailStateEntered",
            ExitedEvent = "FailStateExited",
        };
    }

    private static ParallelStateNode ParseParallel(string name, StateFields f)
    {
        var (next, end) = f.Transition();
        if (!f.Obj.TryGetPropertyValue("Branches", out var branchesNode) || branchesNode is not JsonArray branches || branches.Count == 0)
        {
            throw new DefinitionException(Loc(f.Location, "Branches"), "SCHEMA_VALIDATION_FAILED: The field 'Branches' must be a non-empty array");
        }

        var graphs = new List<StatesGraph>(branches.Count);
        for (var i = 0; i < branches.Count; i++)
        {
            var branchLocation = $"{f.Location}/Branches/{i}";
            if (branches[i] is not JsonObject branch)
            {
                throw new DefinitionException(branchLocation, "SCHEMA_VALIDATION_FAILED: A branch must be an object");
            }

            graphs.Add(ParseGraph(branch, branchLocation, NestedFields, QueryLanguage(branch, branchLocation, "JSONPath")));
        }

        return new ParallelStateNode(name)
        {
            Comment = f.Comment,
            Next = next,
            End = end,
            Branches = graphs,
            InputPath = f.DataPath("InputPath"),
            OutputPath = f.DataPath("OutputPath"),
            ResultPath = f.ResultPath("ResultPath"),
            Parameters = f.Template("Parameters"),
            ResultSelector = f.Template("ResultSelector"),
            Retry = ParseRetry(f),
            Catch = ParseCatch(f),
            Assign = f.Template("Assign"),
            EnteredEvent = "ParallelStateEntered",
            ExitedEvent = "ParallelStateExited",
        };
    }

    private static MapStateNode ParseMap(string name, StateFields f) => MapDefinitionParser.Parse(name, f);

    internal static StatesGraph ParseProcessor(JsonObject processor, string location, out bool distributed)
    {
        var language = QueryLanguage(processor, location, "JSONPath");
        distributed = false;
        if (processor["ProcessorConfig"] is JsonObject config)
        {
            RejectUnknown(config, FrozenSet.Create("Mode", "ExecutionType"), Loc(location, "ProcessorConfig"));
            var mode = config["Mode"] is JsonValue m && m.TryGetValue(out string? ms) ? ms : "INLINE";
            distributed = mode switch
            {
                "INLINE" => false,
                "DISTRIBUTED" => true,
                _ => throw new DefinitionException(Loc(location, "ProcessorConfig/Mode"), $"SCHEMA_VALIDATION_FAILED: Unknown processor mode '{mode}'"),
            };
        }

        return ParseGraph(processor, location, ProcessorFields, language);
    }

    internal static (IReadOnlyList<Retrier> Retry, IReadOnlyList<Catcher> Catch) RetryAndCatch(StateFields f) => (ParseRetry(f), ParseCatch(f));

    /// <summary>Walks a Retry or Catch array: each element must be an object; the last may hold States.ALL.</summary>
    private static List<T> ParseObjectArray<T>(StateFields f, string field, string elementNoun, Func<JsonObject, string, bool, T> parseElement)
    {
        var result = new List<T>();
        if (!f.Obj.TryGetPropertyValue(field, out var node))
        {
            return result;
        }

        if (node is not JsonArray array)
        {
            throw new DefinitionException(Loc(f.Location, field), $"SCHEMA_VALIDATION_FAILED: '{field}' must be an array");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var location = $"{f.Location}/{field}/{i}";
            if (array[i] is not JsonObject obj)
            {
                throw new DefinitionException(location, $"SCHEMA_VALIDATION_FAILED: A {elementNoun} must be an object");
            }

            result.Add(parseElement(obj, location, i == array.Count - 1));
        }

        return result;
    }

    private static List<Retrier> ParseRetry(StateFields f) => ParseObjectArray(f, "Retry", "retrier", ParseRetrier);

    private static Retrier ParseRetrier(JsonObject obj, string location, bool isLast)
    {
        RejectUnknown(obj, RetrierFields, location);
        var errors = ErrorEquals(obj, location, isLast);
        var interval = obj["IntervalSeconds"] is { } iv ? PositiveInt(iv, Loc(location, "IntervalSeconds"), false) : 1;
        var attempts = obj["MaxAttempts"] is { } ma ? PositiveInt(ma, Loc(location, "MaxAttempts"), true) : 3;
        var backoff = 2.0;
        if (obj["BackoffRate"] is { } br)
        {
            if (br is not JsonValue bv || !bv.TryGetValue(out double b) || b < 1.0)
            {
                throw new DefinitionException(Loc(location, "BackoffRate"), "SCHEMA_VALIDATION_FAILED: BackoffRate must be a number >= 1.0");
            }

            backoff = b;
        }

        int? maxDelay = obj["MaxDelaySeconds"] is { } md ? PositiveInt(md, Loc(location, "MaxDelaySeconds"), false) : null;
        var jitter = JitterStrategy.None;
        if (obj["JitterStrategy"] is { } js)
        {
            var text = js is JsonValue jv && jv.TryGetValue(out string? s) ? s : null;
            jitter = text switch
            {
                "FULL" => JitterStrategy.Full,
                "NONE" => JitterStrategy.None,
                _ => throw new DefinitionException(Loc(location, "JitterStrategy"), "SCHEMA_VALIDATION_FAILED: JitterStrategy must be 'FULL' or 'NONE'"),
            };
        }

        return new Retrier { ErrorEquals = errors, IntervalSeconds = interval, MaxAttempts = attempts, BackoffRate = backoff, MaxDelaySeconds = maxDelay, Jitter = jitter };
    }

    private static List<Catcher> ParseCatch(StateFields f) => ParseObjectArray(f, "Catch", "catcher", ParseCatcher);

    private static Catcher ParseCatcher(JsonObject obj, string location, bool isLast)
    {
        RejectUnknown(obj, CatcherFields, location);
        var catcherFields = new StateFields(obj, location);
        return new Catcher
        {
            ErrorEquals = ErrorEquals(obj, location, isLast),
            Next = RequiredString(obj, "Next", location),
            ResultPath = catcherFields.ResultPath("ResultPath"),
            Assign = catcherFields.Template("Assign"),
        };
    }

    private static string[] ErrorEquals(JsonObject obj, string location, bool isLast)
    {
        if (obj["ErrorEquals"] is not JsonArray array || array.Count == 0)
        {
            throw new DefinitionException(Loc(location, "ErrorEquals"), "SCHEMA_VALIDATION_FAILED: 'ErrorEquals' must be a non-empty array of strings");
        }

        var errors = new string[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue v || !v.TryGetValue(out string? s))
            {
                throw new DefinitionException($"{location}/ErrorEquals/{i}", "SCHEMA_VALIDATION_FAILED: Error names must be strings");
            }

            errors[i] = s;
        }

        if (errors.Contains(ErrorNames.All))
        {
            if (errors.Length != 1)
            {
                throw new DefinitionException(Loc(location, "ErrorEquals"), "SCHEMA_VALIDATION_FAILED: States.ALL must appear alone in ErrorEquals");
            }

            if (!isLast)
            {
                throw new DefinitionException(Loc(location, "ErrorEquals"), "SCHEMA_VALIDATION_FAILED: States.ALL must appear in the last retrier or catcher");
            }
        }

        return errors;
    }

    internal static void RejectUnknown(JsonObject obj, FrozenSet<string> allowed, string location)
    {
        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key))
            {
                throw new DefinitionException(Loc(location, key), $"SCHEMA_VALIDATION_FAILED: The field '{key}' is not supported by Step Functions");
            }
        }
    }

    internal static string RequiredString(JsonObject obj, string field, string location)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || node is not JsonValue v || !v.TryGetValue(out string? s))
        {
            throw new DefinitionException(Loc(location, field), $"SCHEMA_VALIDATION_FAILED: The field '{field}' is required and must be a string");
        }

        return s;
    }

    internal static int PositiveInt(JsonNode? node, string location, bool allowZero)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out decimal d) && d == decimal.Truncate(d)
            && d <= int.MaxValue && (d > 0 || (allowZero && d == 0)))
        {
            return (int)d;
        }

        throw new DefinitionException(location, $"SCHEMA_VALIDATION_FAILED: Expected a {(allowZero ? "non-negative" : "positive")} integer but got {node?.ToJsonString() ?? "null"}");
    }

    internal static string Loc(string location, string field) => $"{location}/{field}";

    internal static string FormatNumber(double value) => value.ToString(CultureInfo.InvariantCulture);
}
