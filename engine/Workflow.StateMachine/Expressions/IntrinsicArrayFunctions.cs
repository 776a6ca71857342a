using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique.</summary>
internal static class IntrinsicArrayFunctions
{
    /// <summary>Step Functions refuses ArrayRange results longer than this.</summary>
    private const int MaxRangeLength = 1000;

    public static JsonNode? Array(IntrinsicCall call)
    {
        var result = new JsonArray();
        for (var i = 0; i < call.Count; i++)
        {
            result.Add(JsonValues.Clone(call[i]));
        }

        return result;
    }

    public static JsonNode? ArrayPartition(IntrinsicCall call)
    {
        var array = IntrinsicCatalog.RequireArray(call, 0);
        var size = IntrinsicCatalog.RequireInteger(call, 1);
        if (size <= 0)
        {
            throw IntrinsicCatalog.Failure(call, $"the chunk size must be greater than 0 but was {size}");
        }

        var result = new JsonArray();
        JsonArray? chunk = null;
        for (var i = 0; i < array.Count; i++)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                result.Add(chunk);
            }

            chunk.Add(JsonValues.Clone(array[i]));
        }

        return result;
    }

    public static JsonNode? ArrayContains(IntrinsicCall call)
    {
        var array = IntrinsicCatalog.RequireArray(call, 0);
        var needle = call[1];
        for (var i = 0; i < array.Count; i++)
        {
            if (JsonValues.DeepEquals(array[i], needle))
            {
                return JsonValue.Create(true);
            }
        }

        return JsonValue.Create(false);
    }

    public static JsonNode? ArrayRange(IntrinsicCall call)
    {
        var start = IntrinsicCatalog.RequireInteger(call, 0);
        var end = IntrinsicCatalog.RequireInteger(call, 1);
        var step = IntrinsicCatalog.RequireInteger(call, 2);
        if (step == 0)
        {
            throw IntrinsicCatalog.Failure(call, "the step must not be 0");
        }

        var result = new JsonArray();
        for (var value = start; step > 0 ? value <= end : value >= end; value += step)
        {
            if (result.Count == MaxRangeLength)
            {
                throw IntrinsicCatalog.Failure(call, $"the result cannot contain more than {MaxRangeLength} items");
            }

            result.Add(JsonValue.Create(value));
        }

        return result;
    }

    public static JsonNode? ArrayGetItem(IntrinsicCall call)
    {
        var array = IntrinsicCatalog.RequireArray(call, 0);
        var index = IntrinsicCatalog.RequireInteger(call, 1);
        if (index < 0 || index >= array.Count)
        {
            throw IntrinsicCatalog.Failure(call, $"the index {index} is out of bounds for an array of length {array.Count}");
        }

        return JsonValues.Clone(array[(int)index]);
    }

    public static JsonNode? ArrayLength(IntrinsicCall call) => JsonValue.Create(IntrinsicCatalog.RequireArray(call, 0).Count);

    public static JsonNode? ArrayUnique(IntrinsicCall call)
    {
        var array = IntrinsicCatalog.RequireArray(call, 0);
        var result = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            var duplicate = false;
            for (var j = 0; j < result.Count && !duplicate; j++)
            {
                duplicate = JsonValues.DeepEquals(result[j], array[i]);
            }

            if (!duplicate)
            {
                result.Add(JsonValues.Clone(array[i]));
            }
        }

        return result;
    }
}
