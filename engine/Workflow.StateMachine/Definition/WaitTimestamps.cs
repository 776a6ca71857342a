using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.StateMachine.Definition;

/// <summary>
/// Wait timestamps: RFC 3339 / ISO-8601 extended date-time with an explicit offset (<c>Z</c> or <c>±hh:mm</c>),
/// a <c>T</c> separator and any number of fractional digits (nanoseconds are accepted and truncated).
/// </summary>
public static partial class WaitTimestamps
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var fraction = match.Groups[7].Value;
        if (fraction.Length > 8)
        {
            fraction = fraction[..8];
        }

        var zone = match.Groups[8].Value == "Z" ? "+00:00" : match.Groups[8].Value;
        var normalized = $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}T{match.Groups[4].Value}:{match.Groups[5].Value}:{match.Groups[6].Value}{fraction}{zone}";
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
