using System.Text;

namespace Workflow.EventBridge;

/// <summary>
/// A "wildcard" operand: '*' matches any run of characters, "\*" is a literal star and "\\" a literal backslash.
/// Consecutive stars and other escapes are rejected, and so are patterns whose matching could explode.
/// </summary>
internal sealed class WildcardPattern
{
    // Above this many simultaneously live match positions AWS refuses the rule as too complex.
    private const int MaxLivePositions = 20;
    private const int MaxWildcards = 5;

    private readonly string[] _segments;

    private WildcardPattern(string[] segments)
    {
        _segments = segments;
    }

    public static WildcardPattern Parse(string text)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var stars = 0;
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
                stars++;
                continue;
            }
            current.Append(c);
        }
        segments.Add(current.ToString());

        var pattern = new WildcardPattern([.. segments]);
        if (stars > MaxWildcards || pattern.LivePositionBound() > MaxLivePositions)
        {
            throw new InvalidEventPatternException(
                "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character");
        }
        return pattern;
    }

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

    /// <summary>
    /// Upper bound of how many partial matches of the literal text after the wildcards can be alive at once while
    /// scanning a value: each star contributes one live position plus, for the text that follows it, the largest
    /// number of borders (prefixes that are also suffixes) of any of its prefixes ("dir/dir/" re-enters at "dir/").
    /// </summary>
    private int LivePositionBound()
    {
        var total = 0;
        for (var i = 1; i < _segments.Length; i++)
        {
            total += 1 + SelfOverlaps(_segments[i]);
        }
        return total;
    }

    private static int SelfOverlaps(string segment)
    {
        // Prefix function: failure[i] is the longest proper border of segment[..(i + 1)]; the chain of borders
        // of a prefix is its failure chain, so its length counts the live re-entry points.
        var failure = new int[segment.Length];
        var depth = new int[segment.Length];
        var best = 0;
        for (var i = 1; i < segment.Length; i++)
        {
            var k = failure[i - 1];
            while (k > 0 && segment[i] != segment[k])
            {
                k = failure[k - 1];
            }
            if (segment[i] == segment[k])
            {
                k++;
            }
            failure[i] = k;
            depth[i] = k == 0 ? 0 : depth[k - 1] + 1;
            best = Math.Max(best, depth[i]);
        }
        return best;
    }
}
