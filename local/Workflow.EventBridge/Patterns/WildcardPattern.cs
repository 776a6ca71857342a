using System.Text;

namespace Workflow.EventBridge;

/// <summary>
/// A "wildcard" operand: '*' matches any run of characters, "\*" is a literal star and "\\" a literal backslash.
/// Consecutive stars and other escapes are rejected; rule complexity is judged per field by WildcardComplexity.
/// </summary>
internal sealed class WildcardPattern
{
    private readonly string[] _segments;

    private WildcardPattern(string[] segments)
    {
        _segments = segments;
    }

    public static WildcardPattern Parse(string text)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] is '*' or '\\')
                {
                    current.Append(text[++i]);
                    continue;
                }
                throw new InvalidEventPatternException($"Invalid escape character at pos {i}");
            }
            if (c == '*')
            {
                if (i + 1 < text.Length && text[i + 1] == '*')
                {
                    throw new InvalidEventPatternException($"Consecutive wildcard characters at pos {i + 1}");
                }
                segments.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        segments.Add(current.ToString());

        return new WildcardPattern([.. segments]);
    }

    /// <summary>The literal runs between the stars (first and last may be empty).</summary>
    public IReadOnlyList<string> Segments => _segments;

    public bool IsMatch(string value)
    {
        if (_segments.Length == 1)
        {
            return string.Equals(value, _segments[0], StringComparison.Ordinal);
        }
        var first = _segments[0];
        var last = _segments[^1];
        if (value.Length < first.Length + last.Length
            || !value.StartsWith(first, StringComparison.Ordinal)
            || !value.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }
        var position = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < _segments.Length - 1; i++)
        {
            var segment = _segments[i];
            if (segment.Length == 0)
            {
                continue;
            }
            var found = value.IndexOf(segment, position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            position = found + segment.Length;
        }
        return true;
    }
}
