using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>The 18 Step Functions intrinsic functions and the argument checks they share.</summary>
internal static class IntrinsicCatalog
{
    private static readonly Dictionary<string, IntrinsicFunction> Functions = Build();

    public static IntrinsicFunction? Find(string name) => Functions.GetValueOrDefault(name);

    private static Dictionary<string, IntrinsicFunction> Build()
    {
        IntrinsicFunction[] all =
        [
            new("States.Format", 1, int.MaxValue, IntrinsicStringFunctions.Format),
            new("States.StringToJson", 1, 1, IntrinsicStringFunctions.StringToJson),
            new("States.JsonToString", 1, 1, IntrinsicStringFunctions.JsonToString),
            new("States.Array", 0, int.MaxValue, IntrinsicArrayFunctions.Array),
            new("States.ArrayPartition", 2, 2, IntrinsicArrayFunctions.ArrayPartition),
            new("States.ArrayContains", 2, 2, IntrinsicArrayFunctions.ArrayContains),
            new("States.ArrayRange", 3, 3, IntrinsicArrayFunctions.ArrayRange),
            new("States.ArrayGetItem", 2, 2, IntrinsicArrayFunctions.ArrayGetItem),
            new("States.ArrayLength", 1, 1, IntrinsicArrayFunctions.ArrayLength),
            new("States.ArrayUnique", 1, 1, IntrinsicArrayFunctions.ArrayUnique),
            new("States.Base64Encode", 1, 1, IntrinsicStringFunctions.Base64Encode),
            new("States.Base64Decode", 1, 1, IntrinsicStringFunctions.Base64Decode),
            new("States.Hash", 2, 2, IntrinsicStringFunctions.Hash),
            new("States.JsonMerge", 3, 3, IntrinsicMathFunctions.JsonMerge),
            new("States.MathRandom", 2, 3, IntrinsicMathFunctions.MathRandom),
            new("States.MathAdd", 2, 2, IntrinsicMathFunctions.MathAdd),
            new("States.StringSplit", 2, 2, IntrinsicStringFunctions.StringSplit),
            new("States.UUID", 0, 0, IntrinsicStringFunctions.Uuid),
        ];
        var map = new Dictionary<string, IntrinsicFunction>(StringComparer.Ordinal);
        foreach (var function in all)
        {
            map.Add(function.Name, function);
        }

        return map;
    }

    public static string RequireString(in IntrinsicCall call, int index)
    {
        if (JsonValues.TryGetString(call[index], out var value))
        {
            return value;
        }

        throw InvalidArgument(call, index, "a string");
    }

    public static JsonArray RequireArray(in IntrinsicCall call, int index) =>
        call[index] as JsonArray ?? throw InvalidArgument(call, index, "an array");

    public static JsonObject RequireObject(in IntrinsicCall call, int index) =>
        call[index] as JsonObject ?? throw InvalidArgument(call, index, "a JSON object");

    public static bool RequireBoolean(in IntrinsicCall call, int index) =>
        JsonValues.TryGetBoolean(call[index], out var value) ? value : throw InvalidArgument(call, index, "a boolean");

    /// <summary>An integer argument; a JSON number with a fraction is rejected.</summary>
    public static long RequireInteger(in IntrinsicCall call, int index)
    {
        var node = call[index];
        if (JsonValues.TryGetDecimal(node, out var value) && decimal.Truncate(value) == value && value is >= long.MinValue and <= long.MaxValue)
        {
            return (long)value;
        }

        throw InvalidArgument(call, index, "an integer");
    }

    public static double RequireNumber(in IntrinsicCall call, int index) =>
        JsonValues.TryGetDouble(call[index], out var value) ? value : throw InvalidArgument(call, index, "a number");

    public static StatesException InvalidArgument(in IntrinsicCall call, int index, string expected) =>
        PayloadErrors.IntrinsicFailure(
            $"Invalid arguments in {call.Name}: argument {index + 1} must be {expected} but was {Describe(call[index])}");

    public static StatesException Failure(in IntrinsicCall call, string problem) =>
        PayloadErrors.IntrinsicFailure($"Invalid arguments in {call.Name}: {problem}");

    private static string Describe(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => $"the string {JsonValues.ToCompactJson(node)}",
        JsonValueKind.Number => $"the number {JsonValues.ToCompactJson(node)}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {JsonValues.ToCompactJson(node)}",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
