using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.StateMachine.Tests.Conformance;

/// <summary>
/// Compares an expected (recorded, normalised) JSON value with an actual (normalised) one: member order is
/// irrelevant, numbers compare by value, placeholders (<c>&lt;uuid:N&gt;</c>, <c>&lt;json-input:N&gt;</c>, <c>date</c>)
/// match what they stand for, listed normalised fields are skipped, and Lambda error documents compare by
/// errorType and errorMessage only.
/// </summary>
internal sealed partial class JsonMatcher(IReadOnlyCollection<string> skippedPaths, IReadOnlyCollection<string> skippedMembers)
{
    [GeneratedRegex(@"<[A-Za-z_-]+:\d+>", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> problems)
    {
        if (IsSkipped(path))
        {
            return;
        }

        switch (expected)
        {
            case JsonObject eo:
                var ao = actual as JsonObject ?? TryParseObject(actual);
                if (ao is null)
                {
                    problems.Add($"{path}: expected an object, got {Show(actual)}");
                    return;
                }

                if (eo.ContainsKey("errorType") && ao.ContainsKey("errorType"))
                {
                    Compare(eo["errorType"], ao["errorType"], path + ".errorType", problems);
                    Compare(eo["errorMessage"], ao["errorMessage"], path + ".errorMessage", problems);
                    return;
                }

                foreach (var (key, value) in eo)
                {
                    var child = $"{path}.{key}";
                    if (IsSkipped(child) || skippedMembers.Contains(key) || IsGenericPlaceholder(key, value))
                    {
                        continue;
                    }

                    if (!ao.TryGetPropertyValue(key, out var actualValue))
                    {
                        problems.Add($"{child}: missing (expected {Show(value)})");
                        continue;
                    }

                    Compare(value, actualValue, child, problems);
                }

                foreach (var (key, value) in ao)
                {
                    if (!eo.ContainsKey(key) && !skippedMembers.Contains(key))
                    {
                        problems.Add($"{path}.{key}: unexpected member {Show(value)}");
                    }
                }

                return;
            case JsonArray ea:
                var aa = actual as JsonArray ?? TryParseArray(actual);
                if (aa is null || aa.Count != ea.Count)
                {
                    problems.Add($"{path}: expected {Show(ea)}, got {Show(actual)}");
                    return;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    Compare(ea[i], aa[i], $"{path}[{i}]", problems);
                }

                return;
            case null:
                if (actual is not null)
                {
                    problems.Add($"{path}: expected null, got {Show(actual)}");
                }

                return;
            case JsonValue ev:
                if (!ValuesMatch(ev, actual))
                {
                    problems.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                }

                return;
        }
    }

    private static readonly HashSet<string> VolatileHeaders = ["X-Amzn-Trace-Id", "x-amz-crc32", "x-amzn-RequestId", "RequestId"];

    /// <summary>The recorder's generic rules for Lambda HTTP metadata: volatile headers became their name, Date became "date".</summary>
    private static bool IsGenericPlaceholder(string key, JsonNode? expected) =>
        expected is JsonValue v && v.TryGetValue(out string? text) && ((VolatileHeaders.Contains(key) && text == key) || (key == "Date" && text == "date"));

    private bool IsSkipped(string path) => skippedPaths.Contains(path) || skippedPaths.Contains(Regex.Replace(path, @"\[\d+\]", "[*]"));

    private static bool ValuesMatch(JsonValue expected, JsonNode? actual)
    {
        if (actual is not JsonValue av)
        {
            return false;
        }

        var kind = expected.GetValueKind();
        if (kind == JsonValueKind.Number)
        {
            return av.GetValueKind() == JsonValueKind.Number && decimal.TryParse(expected.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var e)
                && decimal.TryParse(av.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var a) && e == a;
        }

        if (kind != JsonValueKind.String)
        {
            return kind == av.GetValueKind();
        }

        if (av.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        return StringsMatch(expected.GetValue<string>(), av.GetValue<string>());
    }

    public static bool StringsMatch(string expected, string actual)
    {
        if (expected == actual || expected == "timestamp")
        {
            return true;
        }

        if (expected.StartsWith('{') && actual.StartsWith('{'))
        {
            try
            {
                var eo = JsonNode.Parse(expected) as JsonObject;
                var ao = JsonNode.Parse(actual) as JsonObject;
                if (eo is not null && ao is not null && eo.ContainsKey("errorType") && ao.ContainsKey("errorType"))
                {
                    return JsonNode.DeepEquals(eo["errorType"], ao["errorType"]) && JsonNode.DeepEquals(eo["errorMessage"], ao["errorMessage"]);
                }

                if (eo is not null && ao is not null)
                {
                    var problems = new List<string>();
                    new JsonMatcher([], []).Compare(eo, ao, "$", problems);
                    return problems.Count == 0;
                }
            }
            catch (JsonException)
            {
            }
        }

        if (expected.Contains("\"errorType\"", StringComparison.Ordinal) && actual.Contains("\"errorType\"", StringComparison.Ordinal))
        {
            return ErrorField(expected, "errorType") == ErrorField(actual, "errorType") && ErrorField(expected, "errorMessage") == ErrorField(actual, "errorMessage");
        }

        if (!Placeholder().IsMatch(expected))
        {
            return false;
        }

        var pattern = Regex.Replace(Regex.Escape(expected), @"<[A-Za-z_-]+:\d+>", m => m.Value.StartsWith("<uuid", StringComparison.Ordinal) ? "[0-9a-fA-F-]{36}" : ".*");
        return Regex.IsMatch(actual, "^" + pattern + "$", RegexOptions.Singleline);
    }

    private static string? ErrorField(string document, string name)
    {
        var match = Regex.Match(document, $"\"{name}\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static JsonObject? TryParseObject(JsonNode? node) => TryParse(node) as JsonObject;

    private static JsonArray? TryParseArray(JsonNode? node) => TryParse(node) as JsonArray;

    private static JsonNode? TryParse(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 && (s[0] == '{' || s[0] == '['))
        {
            try
            {
                return JsonNode.Parse(s);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    public static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
