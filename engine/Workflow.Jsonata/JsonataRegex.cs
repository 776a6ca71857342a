using System.Text.RegularExpressions;

namespace Workflow.Jsonata;

/// <summary>
/// A regular expression literal (<c>/ab+c/i</c>). As a function value it takes a string and returns the first
/// match object (<c>match</c>, <c>start</c>, <c>end</c>, <c>groups</c>, <c>next()</c>), JSONata's matcher protocol.
/// </summary>
internal sealed class JsonataRegex : JsonataFunction
{
    private JsonataRegex(Regex regex, string source)
    {
        Regex = regex;
        Source = source;
    }

    public Regex Regex { get; }

    public string Source { get; }

    internal override int Arity => 2;

    public static JsonataRegex Create(string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }

        try
        {
            // ECMAScript mode gives JavaScript's meaning of \d, \w and backreferences where the pattern allows it.
            return new JsonataRegex(new Regex(pattern, options | RegexOptions.ECMAScript, TimeSpan.FromSeconds(5)), pattern);
        }
        catch (ArgumentException)
        {
            try
            {
                return new JsonataRegex(new Regex(pattern, options, TimeSpan.FromSeconds(5)), pattern);
            }
            catch (ArgumentException e)
            {
                throw new JsonataException("S0302", $"Invalid regular expression: {e.Message}", value: pattern);
            }
        }
    }

    /// <summary>The first match at or after <paramref name="from"/>, as a match object, or null (undefined).</summary>
    public object? Exec(string text, int from)
    {
        if (from > text.Length)
        {
            return null;
        }

        var m = Regex.Match(text, from);
        if (!m.Success)
        {
            return null;
        }

        var result = new JsonataObject
        {
            ["match"] = m.Value,
            ["start"] = (double)m.Index,
            ["end"] = (double)(m.Index + m.Length),
        };
        var groups = Sequence.Create();
        groups.IsSequence = false;
        for (var i = 1; i < m.Groups.Count; i++)
        {
            groups.Add(m.Groups[i].Success ? m.Groups[i].Value : string.Empty);
        }

        result["groups"] = groups;
        var lastIndex = m.Index + m.Length;
        result["next"] = new NativeFunction("next", "<:o>", (_, _) =>
        {
            if (lastIndex >= text.Length)
            {
                return null;
            }

            var next = Exec(text, lastIndex);
            if (next is JsonataObject o && o["match"] is string { Length: 0 })
            {
                throw new JsonataException("D1004", "Regular expression matches zero length string", value: Source);
            }

            return next;
        });
        return result;
    }
}
