using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Runtime;

/// <summary>InputPath, OutputPath, ResultPath, Assign and the context object.</summary>
internal sealed partial class Interpreter
{
    private EvaluationScope Scope(Frame frame, StateNode state, JsonNode? input, string? taskToken = null) =>
        new(input, state.UsesContext ? BuildContext(frame, taskToken) : null, frame.Variables);

    private JsonNode? ApplyInputPath(Frame frame, StateNode state, JsonNode? rawInput) => ApplyDataPath(frame, state, state.InputPath, rawInput);

    private JsonNode? ApplyOutputPath(Frame frame, StateNode state, JsonNode? output) => ApplyDataPath(frame, state, state.OutputPath, output);

    private JsonNode? ApplyDataPath(Frame frame, StateNode state, DataPath path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }

        if (path.IsNull)
        {
            return new JsonObject();
        }

        return path.Path!.Evaluate(Scope(frame, state, value));
    }

    private static JsonNode? ApplyResultPath(JsonNode? rawInput, ResultPathSpec spec, JsonNode? result) =>
        ResultPathApplier.Apply(rawInput, spec.Path, spec.IsNull, result);

    /// <summary>Evaluates an Assign block against <paramref name="value"/> and stores the variables; returns what history shows.</summary>
    private IReadOnlyDictionary<string, string>? ApplyAssign(Frame frame, StateNode state, PayloadTemplate? assign, JsonNode? value)
    {
        if (assign is null)
        {
            return null;
        }

        return StoreAssigned(frame, assign.Evaluate(Scope(frame, state, value)));
    }

    /// <summary>Stores evaluated Assign members as variables; returns what history shows.</summary>
    private static SortedDictionary<string, string>? StoreAssigned(Frame frame, JsonNode? assigned)
    {
        if (assigned is not JsonObject obj || obj.Count == 0)
        {
            return null;
        }

        var shown = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pairs = new List<(string, JsonNode?)>(obj.Count);
        foreach (var (name, node) in obj)
        {
            pairs.Add((name, node));
            shown[name] = JsonText.Of(node);
        }

        obj.Clear();
        foreach (var (name, node) in pairs)
        {
            frame.Variables.Set(name, node);
        }

        return shown;
    }

    private JsonObject BuildContext(Frame frame, string? taskToken)
    {
        var execution = run.ContextExecution;
        if (execution is null)
        {
            execution = new JsonObject
            {
                ["Id"] = run.Arn,
                ["Input"] = JsonText.Parse(run.Input),
                ["StartTime"] = FormatTime(run.StartDate),
                ["Name"] = run.Name,
                ["RoleArn"] = run.Machine.RoleArn,
                ["RedriveCount"] = 0,
            };
            run.ContextExecution = execution;
        }

        var context = new JsonObject
        {
            ["Execution"] = execution.DeepClone(),
            ["StateMachine"] = new JsonObject { ["Id"] = run.Machine.Arn, ["Name"] = run.Machine.Name },
            ["State"] = new JsonObject
            {
                ["Name"] = frame.StateName,
                ["EnteredTime"] = FormatTime(frame.EnteredTime),
            },
        };

        // AWS only reports RetryCount for states that can retry.
        if (frame.Graph.States.TryGetValue(frame.StateName, out var current) && current is RecoverableStateNode)
        {
            context["State"]!["RetryCount"] = frame.RetryCount;
        }
        if (taskToken is not null)
        {
            context["Task"] = new JsonObject { ["Token"] = taskToken };
        }

        for (var f = frame; f is not null; f = f.Parent)
        {
            if (f.MapIndex is { } index)
            {
                context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = f.MapItemValue?.DeepClone() } };
                break;
            }
        }

        return context;
    }

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void CheckPayloadSize(JsonNode? payload, string subject)
    {
        if (JsonText.Utf8Size(payload) > services.PayloadSizeLimit)
        {
            throw new StatesException(ErrorNames.DataLimitExceeded, $"The state/task '{subject}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
