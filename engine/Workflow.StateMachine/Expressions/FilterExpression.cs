using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.StateMachine.Expressions;

/// <summary>A compiled JSONPath filter predicate (<c>[?(@.price &lt; 10 &amp;&amp; @.tag == 'x')]</c>).</summary>
internal abstract class FilterExpression
{
    public abstract bool Matches(JsonNode? current, JsonNode? root);
}

internal sealed class OrFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => left.Matches(current, root) || right.Matches(current, root);
}

internal sealed class AndFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => left.Matches(current, root) && right.Matches(current, root);
}

internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => !inner.Matches(current, root);
}

/// <summary><c>[?(@.x)]</c>: the relative path selects something.</summary>
internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => operand.TryResolve(current, root, out _);
}

internal enum FilterComparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    RegexMatch,
}

internal sealed class ComparisonFilter(FilterOperand left, FilterComparison comparison, FilterOperand right, Regex? regex)
    : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root)
    {
        if (!left.TryResolve(current, root, out var l))
        {
            return false;
        }

        if (comparison == FilterComparison.RegexMatch)
        {
            return regex is not null && JsonValues.TryGetString(l, out var text) && regex.IsMatch(text);
        }

        if (!right.TryResolve(current, root, out var r))
        {
            return false;
        }

        switch (comparison)
        {
            case FilterComparison.Equal:
                return JsonValues.DeepEquals(l, r);
            case FilterComparison.NotEqual:
                return !JsonValues.DeepEquals(l, r);
        }

        int order;
        if (JsonValues.IsNumber(l) && JsonValues.IsNumber(r))
        {
            order = JsonValues.CompareNumbers(l!, r!);
        }
        else if (JsonValues.TryGetString(l, out var ls) && JsonValues.TryGetString(r, out var rs))
        {
            order = string.CompareOrdinal(ls, rs);
        }
        else
        {
            return false;
        }

        return comparison switch
        {
            FilterComparison.Less => order < 0,
            FilterComparison.LessOrEqual => order <= 0,
            FilterComparison.Greater => order > 0,
            FilterComparison.GreaterOrEqual => order >= 0,
            _ => false,
        };
    }
}

/// <summary>A literal, or a path relative to the current element (<c>@</c>) or to the document (<c>$</c>).</summary>
internal sealed class FilterOperand
{
    private readonly JsonNode? literal;
    private readonly PathSegment[]? segments;
    private readonly bool fromRoot;
    private readonly bool definite;

    private FilterOperand(JsonNode? literal, PathSegment[]? segments, bool fromRoot)
    {
        this.literal = literal;
        this.segments = segments;
        this.fromRoot = fromRoot;
        definite = true;
        foreach (var segment in segments ?? [])
        {
            definite &= segment.IsDefinite;
        }
    }

    public static FilterOperand Literal(JsonNode? value) => new(value, null, false);

    public static FilterOperand Path(PathSegment[] segments, bool fromRoot) => new(null, segments, fromRoot);

    public bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        if (segments is null)
        {
            value = literal;
            return true;
        }

        var start = fromRoot ? root : current;
        var results = new List<JsonNode?>(1);
        new PathWalker(segments, results, root).Continue(start, 0);
        if (definite)
        {
            value = results.Count > 0 ? results[0] : null;
            return results.Count > 0;
        }

        var array = new JsonArray();
        foreach (var item in results)
        {
            array.Add(JsonValues.Clone(item));
        }

        value = array;
        return true;
    }

    public static JsonNode? ParseLiteral(string json) => JsonValues.Clone(JsonNode.Parse(json));
}
