using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Testing;

namespace Workflow.Functions.Tests.Template;

/// <summary>The state machine definition file named by the template's DefinitionUri, before and after substitution.</summary>
public static partial class StateMachineDefinition
{
    /// <summary>The repository's definition file as text (placeholders not yet substituted).</summary>
    public static string RepositoryText()
    {
        var (_, properties) = SamTemplate.Repository.StateMachine();
        var uri = (string?)properties["DefinitionUri"]
            ?? throw new InvalidOperationException("The state machine has no local DefinitionUri.");
        return File.ReadAllText(RepoPaths.InRepo(uri.Split('/')));
    }

    /// <summary>Names used as <c>${Name}</c> (a <c>${!Literal}</c> is an escape, not a placeholder).</summary>
    public static IReadOnlySet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new KeyNotFoundException($"No value for ${{{match.Groups[1].Value}}}."));

    /// <summary>A plausible deployed value for each substitution, as CloudFormation would render it.</summary>
    public static string SampleValue(string name) => name switch
    {
        _ when name.EndsWith("FunctionArn", StringComparison.Ordinal) =>
            $"arn:aws:lambda:eu-west-1:123456789012:function:workflow-dev-{name[..^"Arn".Length]}-AbCdEf123456",
        "ApprovalTimeoutSeconds" => "86400",
        "ApprovalThreshold" => "1000",
        "JobsTableName" => "workflow-dev-JobsTable-1A2B3C4D5E6F",
        "EventBusName" => "workflow-dev-jobs",
        _ => "sample-" + name,
    };

    /// <summary>The repository's definition with every placeholder replaced by <see cref="SampleValue"/>.</summary>
    public static JsonObject ParseRepositoryWithSamples()
    {
        var text = RepositoryText();
        var values = Placeholders(text).ToDictionary(name => name, SampleValue, StringComparer.Ordinal);
        return JsonNode.Parse(Substitute(text, values)) as JsonObject
            ?? throw new FormatException("The definition is not a JSON object.");
    }

    /// <summary>Every state, including those inside Parallel branches and Map processors, with its scope.</summary>
    public static IEnumerable<(string Name, JsonObject State, JsonObject Scope)> AllStates(JsonObject machine)
    {
        if (machine["States"] is not JsonObject states)
        {
            yield break;
        }

        foreach (var (name, node) in states)
        {
            if (node is not JsonObject state)
            {
                continue;
            }

            yield return (name, state, machine);
            foreach (var nested in NestedMachines(state).SelectMany(AllStates))
            {
                yield return nested;
            }
        }
    }

    public static IEnumerable<JsonObject> NestedMachines(JsonObject state)
    {
        if (state["Branches"] is JsonArray branches)
        {
            foreach (var branch in branches.OfType<JsonObject>())
            {
                yield return branch;
            }
        }

        if ((state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor)
        {
            yield return processor;
        }
    }

    /// <summary>The states a state can move to: Next, Default, Choices[].Next, Catch[].Next.</summary>
    public static IEnumerable<string> Targets(JsonObject state)
    {
        if ((string?)state["Next"] is { } next)
        {
            yield return next;
        }

        if ((string?)state["Default"] is { } fallback)
        {
            yield return fallback;
        }

        foreach (var list in new[] { state["Choices"], state["Catch"] }.OfType<JsonArray>())
        {
            foreach (var target in list.OfType<JsonObject>().Select(item => (string?)item["Next"]).OfType<string>())
            {
                yield return target;
            }
        }
    }

    [GeneratedRegex(@"\$\{(?!!)([^}]+)\}")]
    private static partial Regex PlaceholderPattern();
}
