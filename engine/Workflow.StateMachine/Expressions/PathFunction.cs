using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>
/// A Jayway path function at the end of a path (<c>$.items.length()</c>, <c>$..price.sum()</c>), applied to what the
/// rest of the path selects.
/// </summary>
internal sealed class PathFunction
{
    private static readonly string[] Names = ["length", "size", "min", "max", "avg", "sum", "stddev", "first", "last", "keys"];

    private PathFunction(string name) => Name = name;

    public string Name { get; }

    public static PathFunction? Find(string name) => Array.IndexOf(Names, name) >= 0 ? new PathFunction(name) : null;

    /// <summary>Applies the function; false when it has nothing to work on (Jayway answers null or fails).</summary>
    public bool TryApply(JsonNode? value, out JsonNode? result)
    {
        result = null;
        switch (Name)
        {
            case "length":
            case "size":
                result = value switch
                {
                    JsonArray array => JsonValue.Create(array.Count),
                    JsonObject obj => JsonValue.Create(obj.Count),
                    _ => null,
                };
                return result is not null;
            case "first":
                if (value is JsonArray { Count: > 0 } head)
                {
                    result = JsonValues.Clone(head[0]);
                    return true;
                }

                return false;
            case "last":
                if (value is JsonArray { Count: > 0 } tail)
                {
                    result = JsonValues.Clone(tail[^1]);
                    return true;
                }

                return false;
            case "keys":
                if (value is JsonObject keysOf)
                {
                    var keys = new JsonArray();
                    foreach (var (key, _) in keysOf)
                    {
                        keys.Add(JsonValue.Create(key));
                    }

                    result = keys;
                    return true;
                }

                return false;
            default:
                return TryAggregate(value, out result);
        }
    }

    /// <summary>Numeric aggregations answer a Java double (printed like <c>3.0</c>), over the numbers only.</summary>
    private bool TryAggregate(JsonNode? value, out JsonNode? result)
    {
        result = null;
        if (value is not JsonArray array)
        {
            return false;
        }

        var count = 0;
        double sum = 0, sumOfSquares = 0, min = double.MaxValue, max = double.MinValue;
        foreach (var item in array)
        {
            if (!JsonValues.TryGetDouble(item, out var number))
            {
                continue;
            }

            count++;
            sum += number;
            sumOfSquares += number * number;
            min = Math.Min(min, number);
            max = Math.Max(max, number);
        }

        if (count == 0)
        {
            return false;
        }

        var aggregate = Name switch
        {
            "min" => min,
            "max" => max,
            "avg" => sum / count,
            "sum" => sum,
            _ => Math.Sqrt((sumOfSquares / count) - ((sum / count) * (sum / count))),
        };
        result = JsonNode.Parse(JavaText.DoubleToString(aggregate));
        return true;
    }
}
