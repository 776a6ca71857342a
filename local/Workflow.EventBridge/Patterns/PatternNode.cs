namespace Workflow.EventBridge;

/// <summary>
/// A minimal JSON tree for patterns. Unlike JsonDocument/JsonNode it keeps every occurrence of a repeated key,
/// in order, because AWS compiles each occurrence and the last one wins.
/// </summary>
internal abstract record PatternNode;

internal sealed record PatternObject(IReadOnlyList<KeyValuePair<string, PatternNode>> Members) : PatternNode;

internal sealed record PatternArray(IReadOnlyList<PatternNode> Items) : PatternNode;

internal sealed record PatternString(string Value) : PatternNode;

internal sealed record PatternNumber(string Raw, double Value) : PatternNode;

internal sealed record PatternBoolean(bool Value) : PatternNode;

internal sealed record PatternNull : PatternNode
{
    public static readonly PatternNull Instance = new();
}
