using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.StateMachine.Tests.Conformance;

/// <summary>Applies the recorder's normalisation (README "Normalisation") to actual values before comparing.</summary>
internal sealed partial class Normalizer
{
    private readonly List<(string From, string To)> replacements = [];
    private readonly List<(Regex Pattern, string To)> regexes = [];

    public Normalizer(JsonObject? normalize)
    {
        if (normalize?["replacements"] is JsonArray list)
        {
            foreach (var r in list.OfType<JsonObject>())
            {
                var from = r["from"]!.GetValue<string>();
                if (from.Length > 0)
                {
                    replacements.Add((from, r["to"]!.GetValue<string>()));
                }
            }

            // Longer literals first so a name that contains another one is replaced whole.
            replacements.Sort((a, b) => b.From.Length.CompareTo(a.From.Length));
        }

        if (normalize?["regexReplacements"] is JsonArray regexList)
        {
            foreach (var r in regexList.OfType<JsonObject>())
            {
                regexes.Add((new Regex(r["regex"]!.GetValue<string>(), RegexOptions.CultureInvariant), r["to"]!.GetValue<string>()));
            }
        }
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Structural and string normalisation, then the case's regexes over the JSON text of the value.</summary>
    public JsonNode? Apply(JsonNode? node)
    {
        var normalized = ApplyMember(node, null, false);
        if (regexes.Count == 0)
        {
            return normalized;
        }

        var text = normalized?.ToJsonString(Relaxed) ?? "null";
        foreach (var (pattern, to) in regexes)
        {
            text = pattern.Replace(text, PythonReplacement(to));
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return normalized;
        }
    }

    private static string PythonReplacement(string to) => Regex.Replace(to.Replace("$", "$$", StringComparison.Ordinal), @"\\(\d)", "$$$1");

    private JsonNode? ApplyMember(JsonNode? node, string? memberName, bool inSdkMetadata)
    {
        inSdkMetadata |= memberName is "SdkHttpMetadata" or "SdkResponseMetadata";
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[String(key)] = ApplyMember(value, key, inSdkMetadata);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(ApplyMember(item, null, inSdkMetadata));
                }

                return items;
            case JsonValue value when value.TryGetValue(out string? s):
                var normalized = String(s);
                if (memberName is not null && memberName.Contains("timestamp", StringComparison.OrdinalIgnoreCase) && normalized != "date")
                {
                    return "timestamp";
                }

                return normalized;
            case JsonValue when memberName is not null && memberName.Contains("timestamp", StringComparison.OrdinalIgnoreCase):
                return "timestamp";
            default:
                return node?.DeepClone();
        }
    }

    public string String(string text)
    {
        foreach (var (from, to) in replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        foreach (var (pattern, to) in regexes)
        {
            text = pattern.Replace(text, PythonReplacement(to));
        }

        text = IsoDateTime().Replace(text, m => DateTimeOffset.TryParse(m.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _) ? "date" : m.Value);
        text = text.Replace("arn:aws:", "arn:<partition>:", StringComparison.Ordinal)
            .Replace(":us-east-1:", ":<region>:", StringComparison.Ordinal);
        return text;
    }
}
