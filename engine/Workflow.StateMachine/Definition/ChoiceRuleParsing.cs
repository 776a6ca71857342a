using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Definition;

/// <summary>Compiles a top-level Choice rule with its target and its own <c>Assign</c>.</summary>
internal static class ChoiceRuleParsing
{
    public static ChoiceBranch Parse(JsonObject rule, string location)
    {
        var assign = rule.TryGetPropertyValue("Assign", out var assignNode)
            ? StateFields.ParseTemplate(assignNode, "Assign", $"{location}/Assign")
            : null;
        ChoiceRule parsed;
        try
        {
            parsed = ChoiceRule.Parse(rule, location, topLevel: true);
        }
        catch (DefinitionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new DefinitionException(location, $"SCHEMA_VALIDATION_FAILED: {ex.Message}");
        }

        var next = parsed.Next ?? throw new DefinitionException(location + "/Next", "SCHEMA_VALIDATION_FAILED: A top-level choice rule must have 'Next'");
        return new ChoiceBranch { Rule = parsed, Next = next, Assign = assign };
    }
}
