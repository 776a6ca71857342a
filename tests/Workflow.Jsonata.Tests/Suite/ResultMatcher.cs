using System.Text.Json.Nodes;

namespace Workflow.Jsonata.Tests.Suite;

/// <summary>The suite's equality: arrays in order, object members in any order, numbers as doubles.</summary>
internal static class ResultMatcher
{
    public static bool Matches(object? actual, JsonNode? expected) => (actual, expected) switch
    {
        (JsonataNull, null) => true,
        (double d, JsonValue v) => v.TryGetValue<double>(out var e) && d == e,
        (string s, JsonValue v) => v.TryGetValue<string>(out var e) && s == e,
        (bool b, JsonValue v) => v.TryGetValue<bool>(out var e) && b == e,
        (Sequence s, JsonArray a) => s.Count == a.Count && s.Select((item, i) => Matches(item, a[i])).All(x => x),
        (JsonataObject o, JsonObject e) => o.Count(p => p.Value is not null) == e.Count
            && e.All(p => o.TryGetValue(p.Key, out var v) && Matches(v, p.Value)),
        (JsonataFunction, JsonValue v) => v.TryGetValue<string>(out var e) && e.Length == 0,
        _ => false,
    };
}
