using System.Text;

namespace Workflow.StateMachine.Expressions;

/// <summary>
/// A <c>StringMatches</c> pattern: <c>*</c> matches any run of characters, <c>\*</c> a literal star and
/// <c>\\</c> a literal backslash. Matching is a linear-time glob match, no regular expressions.
/// </summary>
public sealed class StringMatchPattern
{
    private readonly string[] parts;

    private StringMatchPattern(string[] parts) => this.parts = parts;

    /// <summary>Literal pieces between wildcards: "a*b" → ["a", "b"], "*" → ["", ""].</summary>
    public static StringMatchPattern Parse(string pattern)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
            {
                current.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return new StringMatchPattern([.. parts]);
    }

    public bool IsMatch(string text)
    {
        if (parts.Length == 1)
        {
            return string.Equals(text, parts[0], StringComparison.Ordinal);
        }

        var first = parts[0];
        var last = parts[^1];
        if (text.Length < first.Length + last.Length
            || !text.StartsWith(first, StringComparison.Ordinal)
            || !text.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        // Greedy leftmost placement of the middle pieces is optimal for '*'-only globs.
        var position = first.Length;
        var limit = text.Length - last.Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            var found = text.IndexOf(part, position, limit - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }
}
