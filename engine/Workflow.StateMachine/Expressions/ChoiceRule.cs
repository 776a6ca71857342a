using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>
/// One compiled Choice rule (JSONPath): a comparison of <c>Variable</c> with an operator, or <c>And</c> /
/// <c>Or</c> / <c>Not</c> over nested rules. Validation follows Step Functions; evaluation reads, never writes.
/// </summary>
public sealed class ChoiceRule
{
    private readonly ChoiceCondition condition;

    private ChoiceRule(JsonObject source, string? next, ChoiceCondition condition)
    {
        Source = source;
        Next = next;
        this.condition = condition;
    }

    /// <summary>The rule as written in the definition (the engine reads <c>Assign</c> from it).</summary>
    public JsonObject Source { get; }

    /// <summary>The state to go to when a top-level rule matches; null for nested rules.</summary>
    public string? Next { get; }

    /// <summary>
    /// Validates and compiles a rule. Top-level rules need <c>Next</c>; rules nested in And/Or/Not must not have it.
    /// Problems throw <see cref="DefinitionException"/> with the JSON location of the offending field.
    /// </summary>
    public static ChoiceRule Parse(JsonObject rule, string location, bool topLevel)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var condition = ChoiceRuleCompiler.Compile(rule, location, topLevel, out var next);
        return new ChoiceRule(rule, next, condition);
    }

    /// <summary>
    /// True when the rule matches. A missing <c>Variable</c> (except with IsPresent) or a missing <c>*Path</c> operand
    /// throws <c>States.Runtime</c>; a value of the wrong type simply does not match.
    /// </summary>
    public bool Evaluate(in EvaluationScope scope) => condition.Evaluate(scope);
}
