using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.EventBridge;

/// <summary>
/// The JSONPath subset EventBridge evaluates in InputPath and InputPathsMap: "$", dot members (letters, digits, '-', '_',
/// '/' and others up to the next '.' or '['), ['member'], [index] and the wildcards .* / [*].
/// </summary>
public sealed class EventJsonPath
{
    private abstract record Step;

    private sealed record Member(string Name) : Step;

    private sealed record Index(int Position) : Step;

    private sealed record Wildcard : Step;

    private readonly IReadOnlyList<Step> _steps;

    private EventJsonPath(string text, IReadOnlyList<Step> steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public bool IsDefinite => _steps.All(s => s is not Wildcard);

    public static EventJsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('$'))
        {
            throw Invalid(text, "must start with '$'");
        }
        var steps = new List<Step>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] is not '.' and not '[')
                {
                    i++;
                }
                var name = text[start..i];
                if (name.Length == 0)
                {
                    throw Invalid(text, "empty member name");
                }
                steps.Add(name == "*" ? new Wildcard() : new Member(name));
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    throw Invalid(text, "unclosed '['");
                }
                var inner = text[(i + 1)..close].Trim();
                i = close + 1;
                if (inner == "*")
                {
                    steps.Add(new Wildcard());
                }
                else if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
                {
                    steps.Add(new Member(inner[1..^1]));
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(new Index(index));
                }
                else
                {
                    throw Invalid(text, $"unsupported selector [{inner}]");
                }
            }
            else
            {
                throw Invalid(text, $"unexpected '{text[i]}' at position {i}");
            }
        }
        return new EventJsonPath(text, steps);
    }

    /// <summary>The selected value: the node (possibly a JSON null), a JSON array of matches for wildcard paths, or
    /// <c>found = false</c> when nothing is there.</summary>
    public JsonNode? Select(JsonNode? root, out bool found)
    {
        var current = new List<JsonNode?> { root };
        foreach (var step in _steps)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                switch (step)
                {
                    case Member m when node is JsonObject o && o.TryGetPropertyValue(m.Name, out var child):
                        next.Add(child);
                        break;
                    case Index ix when node is JsonArray a && ix.Position < a.Count:
                        next.Add(a[ix.Position]);
                        break;
                    case Wildcard when node is JsonArray a:
                        next.AddRange(a);
                        break;
                    case Wildcard when node is JsonObject o:
                        next.AddRange(o.Select(p => p.Value));
                        break;
                }
            }
            current = next;
        }
        if (IsDefinite)
        {
            found = current.Count == 1;
            return found ? current[0]?.DeepClone() : null;
        }
        found = current.Count > 0;
        return found ? new JsonArray(current.Select(n => n?.DeepClone()).ToArray()) : null;
    }

    private static EventBridgeException Invalid(string text, string problem) =>
        EventBridgeException.Validation($"Invalid JSONPath '{text}': {problem}.");
}
