namespace Workflow.EventBridge;

/// <summary>
/// The "numeric" operand: ["=", n], [op, n] with op one of &gt; &gt;= &lt; &lt;=, or a lower bound (&gt;, &gt;=)
/// followed by an upper bound (&lt;, &lt;=).
/// </summary>
internal static class NumericCompiler
{
    public static ValueMatcher Compile(PatternNode operand)
    {
        if (operand is not PatternArray array)
        {
            throw new InvalidEventPatternException("Value of numeric must be an array.");
        }
        var items = array.Items;
        if (items.Count == 0 || items[0] is not PatternString { Value: var op })
        {
            throw new InvalidEventPatternException("Invalid member in numeric match: " + (items.Count == 0 ? "]" : Describe(items[0])));
        }
        var value = Number(items, 1, op == "=" ? "equals" : op);
        switch (op)
        {
            case "=":
                EndAt(items, 2, "Too many elements in numeric expression");
                return new NumericRangeMatcher(value, false, value, false);
            case "<":
            case "<=":
                EndAt(items, 2, "Too many elements in numeric expression");
                return new NumericRangeMatcher(null, false, value, op == "<");
            case ">":
            case ">=":
                if (items.Count == 2)
                {
                    return new NumericRangeMatcher(value, op == ">", null, false);
                }
                if (items[2] is not PatternString { Value: var upperOp })
                {
                    throw new InvalidEventPatternException("Bad value in numeric range: " + Describe(items[2]));
                }
                if (upperOp is not ("<" or "<="))
                {
                    throw new InvalidEventPatternException("Bad numeric range operator: " + upperOp);
                }
                var upper = Number(items, 3, upperOp);
                EndAt(items, 4, "Too many terms in numeric range expression");
                if (value >= upper)
                {
                    throw new InvalidEventPatternException("Bottom must be less than top");
                }
                return new NumericRangeMatcher(value, op == ">", upper, upperOp == "<");
            default:
                throw new InvalidEventPatternException("Unrecognized numeric range operator: " + op);
        }
    }

    private static double Number(IReadOnlyList<PatternNode> items, int index, string op) =>
        index < items.Count && items[index] is PatternNumber n
            ? NumericLimits.Require(n.Value)
            : throw new InvalidEventPatternException($"Value of {op} must be numeric");

    private static void EndAt(IReadOnlyList<PatternNode> items, int count, string error)
    {
        if (items.Count > count)
        {
            throw new InvalidEventPatternException(error);
        }
    }

    private static string Describe(PatternNode node) => node switch
    {
        PatternString s => s.Value,
        PatternNumber n => n.Raw,
        PatternBoolean b => b.Value ? "true" : "false",
        PatternNull => "null",
        PatternArray => "[",
        _ => "{",
    };
}
