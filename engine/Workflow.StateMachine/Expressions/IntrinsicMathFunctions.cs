using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>States.MathAdd, States.MathRandom and States.JsonMerge.</summary>
internal static class IntrinsicMathFunctions
{
    public static JsonNode? MathAdd(IntrinsicCall call)
    {
        var left = JavaRound(IntrinsicCatalog.RequireNumber(call, 0));
        var right = JavaRound(IntrinsicCatalog.RequireNumber(call, 1));
        return JsonValue.Create(left + right);
    }

    /// <summary>An integer in [start, end); the optional seed makes the draw repeatable.</summary>
    public static JsonNode? MathRandom(IntrinsicCall call)
    {
        var start = JavaRound(IntrinsicCatalog.RequireNumber(call, 0));
        var end = JavaRound(IntrinsicCatalog.RequireNumber(call, 1));
        if (end <= start)
        {
            throw IntrinsicCatalog.Failure(call, $"the end value {end} must be greater than the start value {start}");
        }

        var random = call.Count == 3
            ? new Random(unchecked((int)IntrinsicCatalog.RequireInteger(call, 2)))
            : Random.Shared;
        return JsonValue.Create(random.NextInt64(start, end));
    }

    /// <summary>Shallow merge: members of the second object replace those of the first.</summary>
    public static JsonNode? JsonMerge(IntrinsicCall call)
    {
        var first = IntrinsicCatalog.RequireObject(call, 0);
        var second = IntrinsicCatalog.RequireObject(call, 1);
        if (IntrinsicCatalog.RequireBoolean(call, 2))
        {
            throw IntrinsicCatalog.Failure(call, "deep merging is not supported; the third argument must be false");
        }

        var merged = new JsonObject();
        foreach (var (key, value) in first)
        {
            merged[key] = JsonValues.Clone(value);
        }

        foreach (var (key, value) in second)
        {
            merged[key] = JsonValues.Clone(value);
        }

        return merged;
    }

    /// <summary>Java's Math.round: halves go towards positive infinity (-1.5 → -1, 2.5 → 3).</summary>
    private static long JavaRound(double value) => (long)Math.Floor(value + 0.5);
}
