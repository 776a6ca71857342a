using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>A compiled Choice rule body: And/Or/Not over nested rules, or one comparison of Variable.</summary>
internal abstract class ChoiceCondition
{
    public abstract bool Evaluate(in EvaluationScope scope);
}

internal sealed class AndCondition(ChoiceCondition[] rules) : ChoiceCondition
{
    public override bool Evaluate(in EvaluationScope scope)
    {
        foreach (var rule in rules)
        {
            if (!rule.Evaluate(scope))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class OrCondition(ChoiceCondition[] rules) : ChoiceCondition
{
    public override bool Evaluate(in EvaluationScope scope)
    {
        foreach (var rule in rules)
        {
            if (rule.Evaluate(scope))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NotCondition(ChoiceCondition rule) : ChoiceCondition
{
    public override bool Evaluate(in EvaluationScope scope) => !rule.Evaluate(scope);
}

internal sealed class ComparisonCondition : ChoiceCondition
{
    private readonly JsonPathExpression variable;
    private readonly ChoiceOperator op;
    private readonly JsonNode? literal;
    private readonly JsonPathExpression? operandPath;
    private readonly StringMatchPattern? pattern;
    private readonly bool expectedTest;
    private readonly bool literalTimestampValid;
    private readonly DateTimeOffset literalTimestamp;

    public ComparisonCondition(
        JsonPathExpression variable,
        ChoiceOperator op,
        JsonNode? literal,
        JsonPathExpression? operandPath,
        StringMatchPattern? pattern)
    {
        this.variable = variable;
        this.op = op;
        this.literal = literal;
        this.operandPath = operandPath;
        this.pattern = pattern;
        expectedTest = op.Family == OperatorFamily.TypeTest && JsonValues.TryGetBoolean(literal, out var expected) && expected;
        literalTimestampValid = TryTimestamp(literal, out literalTimestamp);
    }

    public override bool Evaluate(in EvaluationScope scope)
    {
        if (op.Family == OperatorFamily.TypeTest && op.Test == TypeTest.IsPresent)
        {
            return variable.TryEvaluate(scope, out _) == expectedTest;
        }

        var value = variable.Evaluate(scope);
        switch (op.Family)
        {
            case OperatorFamily.TypeTest:
                return Test(value) == expectedTest;
            case OperatorFamily.StringMatches:
                return JsonValues.TryGetString(value, out var text) && pattern!.IsMatch(text);
        }

        var operand = operandPath is null ? literal : operandPath.Evaluate(scope);
        switch (op.Family)
        {
            case OperatorFamily.String:
                return JsonValues.TryGetString(value, out var left)
                    && JsonValues.TryGetString(operand, out var right)
                    && Holds(string.CompareOrdinal(left, right));
            case OperatorFamily.Numeric:
                return JsonValues.IsNumber(value) && JsonValues.IsNumber(operand) && Holds(JsonValues.CompareNumbers(value!, operand!));
            case OperatorFamily.Boolean:
                return JsonValues.TryGetBoolean(value, out var lb) && JsonValues.TryGetBoolean(operand, out var rb) && lb == rb;
            case OperatorFamily.Timestamp:
            {
                if (!TryTimestamp(value, out var lt))
                {
                    return false;
                }

                DateTimeOffset rt;
                if (operandPath is null)
                {
                    if (!literalTimestampValid)
                    {
                        return false;
                    }

                    rt = literalTimestamp;
                }
                else if (!TryTimestamp(operand, out rt))
                {
                    return false;
                }

                return Holds(lt.UtcTicks.CompareTo(rt.UtcTicks));
            }

            default:
                return false;
        }
    }

    private bool Holds(int order) => op.Relation switch
    {
        Relation.Equals => order == 0,
        Relation.LessThan => order < 0,
        Relation.GreaterThan => order > 0,
        Relation.LessThanEquals => order <= 0,
        _ => order >= 0,
    };

    private bool Test(JsonNode? value) => op.Test switch
    {
        TypeTest.IsNull => JsonValues.KindOf(value) == JsonValueKind.Null,
        TypeTest.IsNumeric => JsonValues.IsNumber(value),
        TypeTest.IsString => JsonValues.IsString(value),
        TypeTest.IsBoolean => JsonValues.IsBoolean(value),
        TypeTest.IsTimestamp => TryTimestamp(value, out _),
        _ => true,
    };

    private static bool TryTimestamp(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        return JsonValues.TryGetString(node, out var text) && StepFunctionsTimestamp.TryParse(text, out value);
    }
}
