using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>Validates Choice rules with Step Functions' rules and compiles them into conditions.</summary>
internal static class ChoiceRuleCompiler
{
    private static readonly string[] Combinators = ["And", "Or", "Not"];

    public static ChoiceCondition Compile(JsonObject rule, string location, bool topLevel, out string? next)
    {
        next = null;
        string? operatorName = null;
        var hasVariable = false;
        foreach (var (key, value) in rule)
        {
            switch (key)
            {
                case "Next":
                    if (!topLevel)
                    {
                        throw Problem(location, key, "SCHEMA_VALIDATION_FAILED: Field 'Next' is not allowed in a nested choice rule");
                    }

                    if (!JsonValues.TryGetString(value, out var target))
                    {
                        throw Problem(location, key, "SCHEMA_VALIDATION_FAILED: The value for the field 'Next' must be a STRING");
                    }

                    next = target;
                    break;
                case "Comment":
                    if (!JsonValues.IsString(value))
                    {
                        throw Problem(location, key, "SCHEMA_VALIDATION_FAILED: The value for the field 'Comment' must be a STRING");
                    }

                    break;
                case "Assign" when topLevel:
                    break;
                case "Variable":
                    hasVariable = true;
                    break;
                default:
                    if (!ChoiceOperator.IsOperatorName(key) && Array.IndexOf(Combinators, key) < 0)
                    {
                        throw Problem(location, key, $"SCHEMA_VALIDATION_FAILED: Field '{key}' is not supported");
                    }

                    if (operatorName is not null)
                    {
                        throw Problem(
                            location,
                            key,
                            $"SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator, but has '{operatorName}' and '{key}'");
                    }

                    operatorName = key;
                    break;
            }
        }

        if (topLevel && next is null)
        {
            throw new DefinitionException(location, "SCHEMA_VALIDATION_FAILED: These fields are required: [Next]");
        }

        if (operatorName is null)
        {
            throw new DefinitionException(location, "SCHEMA_VALIDATION_FAILED: A choice rule must have a comparison operator or And, Or, Not");
        }

        var operand = rule[operatorName];
        switch (operatorName)
        {
            case "And":
            case "Or":
            {
                if (hasVariable)
                {
                    throw Problem(location, "Variable", $"SCHEMA_VALIDATION_FAILED: Field 'Variable' is not supported with '{operatorName}'");
                }

                if (operand is not JsonArray rules || rules.Count == 0)
                {
                    throw Problem(location, operatorName, $"SCHEMA_VALIDATION_FAILED: The value for the field '{operatorName}' must be a non-empty ARRAY of choice rules");
                }

                var compiled = new ChoiceCondition[rules.Count];
                for (var i = 0; i < rules.Count; i++)
                {
                    var itemLocation = $"{location}/{operatorName}/{i}";
                    if (rules[i] is not JsonObject nested)
                    {
                        throw new DefinitionException(itemLocation, "SCHEMA_VALIDATION_FAILED: A choice rule must be an OBJECT");
                    }

                    compiled[i] = Compile(nested, itemLocation, topLevel: false, out _);
                }

                return operatorName == "And" ? new AndCondition(compiled) : new OrCondition(compiled);
            }

            case "Not":
            {
                if (hasVariable)
                {
                    throw Problem(location, "Variable", "SCHEMA_VALIDATION_FAILED: Field 'Variable' is not supported with 'Not'");
                }

                if (operand is not JsonObject nested)
                {
                    throw Problem(location, "Not", "SCHEMA_VALIDATION_FAILED: The value for the field 'Not' must be an OBJECT");
                }

                return new NotCondition(Compile(nested, $"{location}/Not", topLevel: false, out _));
            }
        }

        var op = ChoiceOperator.Find(operatorName)!;
        if (!hasVariable)
        {
            throw new DefinitionException(location, "SCHEMA_VALIDATION_FAILED: These fields are required: [Variable]");
        }

        var variable = CompilePath(rule["Variable"], location, "Variable");
        if (op.IsPath)
        {
            return new ComparisonCondition(variable, op, null, CompilePath(operand, location, operatorName), null);
        }

        CheckOperandType(op, operand, location);
        var pattern = op.Family == OperatorFamily.StringMatches ? StringMatchPattern.Parse(operand!.GetValue<string>()) : null;
        return new ComparisonCondition(variable, op, JsonValues.Clone(operand), null, pattern);
    }

    private static void CheckOperandType(ChoiceOperator op, JsonNode? operand, string location)
    {
        var (valid, type) = op.Family switch
        {
            OperatorFamily.String or OperatorFamily.StringMatches => (JsonValues.IsString(operand), "STRING"),
            OperatorFamily.Numeric => (JsonValues.IsNumber(operand), "NUMBER"),
            OperatorFamily.Timestamp => (JsonValues.IsString(operand), "STRING"),
            _ => (JsonValues.IsBoolean(operand), "BOOLEAN"),
        };
        if (!valid)
        {
            throw Problem(location, op.Name, $"SCHEMA_VALIDATION_FAILED: The value for the field '{op.Name}' must be a {type}");
        }

        if (op.Family == OperatorFamily.Timestamp && !StepFunctionsTimestamp.TryParse(operand!.GetValue<string>(), out _))
        {
            throw Problem(location, op.Name, $"SCHEMA_VALIDATION_FAILED: The value for the field '{op.Name}' must be a valid ISO-8601 timestamp");
        }
    }

    private static JsonPathExpression CompilePath(JsonNode? node, string location, string field)
    {
        if (JsonValues.TryGetString(node, out var text) && text.StartsWith('$')
            && JsonPathExpression.TryParse(text, out var path, out _))
        {
            return path;
        }

        var shown = node is null ? "null" : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        throw Problem(location, field, $"INVALID_JSON_PATH: Invalid JSON path in field '{field}': {shown}");
    }

    private static DefinitionException Problem(string location, string field, string problem) => new($"{location}/{field}", problem);
}
