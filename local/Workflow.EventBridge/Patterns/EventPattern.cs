using System.Text.Json;

namespace Workflow.EventBridge;

/// <summary>A compiled EventBridge event pattern. Immutable and safe to share between threads.</summary>
public sealed class EventPattern
{
    private readonly IReadOnlyList<IReadOnlyDictionary<string, ValueMatcher[]>> _branches;

    private EventPattern(string text, IReadOnlyList<IReadOnlyDictionary<string, ValueMatcher[]>> branches)
    {
        Text = text;
        _branches = branches;
    }

    /// <summary>The pattern JSON as given.</summary>
    public string Text { get; }

    /// <summary>Parses and validates a pattern. Throws <see cref="InvalidEventPatternException"/> as AWS would.</summary>
    public static EventPattern Parse(string patternJson)
    {
        ArgumentNullException.ThrowIfNull(patternJson);
        var root = PatternJsonReader.Read(patternJson);
        if (root is not PatternObject rootObject)
        {
            throw new InvalidEventPatternException("Filter is not an object");
        }
        return new EventPattern(patternJson, PatternCompiler.Compile(rootObject));
    }

    /// <summary>Matches event JSON text. Throws <see cref="JsonException"/> if the text is not JSON.</summary>
    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        using var document = JsonDocument.Parse(eventJson);
        return Matches(document.RootElement);
    }

    public bool Matches(JsonElement eventElement)
    {
        var fields = EventFlattener.Flatten(eventElement);
        foreach (var branch in _branches)
        {
            if (BranchMatches(branch, fields))
            {
                return true;
            }
        }
        return false;
    }

    private static bool BranchMatches(IReadOnlyDictionary<string, ValueMatcher[]> branch, Dictionary<string, List<EventValue>> fields)
    {
        foreach (var (path, matchers) in branch)
        {
            IReadOnlyList<EventValue> values = fields.TryGetValue(path, out var found) ? found : [];
            var any = false;
            foreach (var matcher in matchers)
            {
                if (matcher.MatchesField(values))
                {
                    any = true;
                    break;
                }
            }
            if (!any)
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => Text;
}
