using System.Globalization;
using System.Text;

namespace Workflow.Jsonata;

/// <summary>
/// <c>$formatNumber</c>: the XPath F&amp;O 3.1 decimal-format picture (sections 4.7.3 validation, 4.7.4 analysis,
/// 4.7.5 formatting) as JSONata 2.0.6 implements it, including its error codes D3080-D3093.
/// </summary>
internal static class NumberFormatter
{
    private sealed record Parts(string Prefix, string Suffix, string ActivePart, string MantissaPart, string? ExponentPart, string IntegerPart, string FractionalPart, string SubPicture);

    private sealed record Analysis(
        List<int> IntegerGroupingPositions,
        int RegularGrouping,
        int MinimumIntegerPartSize,
        int ScalingFactor,
        string Prefix,
        List<int> FractionalGroupingPositions,
        int MinimumFractionalPartSize,
        int MaximumFractionalPartSize,
        int MinimumExponentSize,
        string Suffix,
        string Picture);

    public static string Format(double value, string picture, JsonataObject? options)
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["decimal-separator"] = ".", ["grouping-separator"] = ",", ["exponent-separator"] = "e", ["infinity"] = "Infinity",
            ["minus-sign"] = "-", ["NaN"] = "NaN", ["percent"] = "%", ["per-mille"] = "\u2030", ["zero-digit"] = "0",
            ["digit"] = "#", ["pattern-separator"] = ";",
        };
        if (options is not null)
        {
            foreach (var (k, v) in options)
            {
                p[k] = v as string ?? string.Empty;
            }
        }

        var zero = p["zero-digit"][0];
        var family = Enumerable.Range(0, 10).Select(i => (char)(zero + i)).ToArray();
        var decimalSeparator = p["decimal-separator"];
        var groupingSeparator = p["grouping-separator"];
        var exponentSeparator = p["exponent-separator"];
        var digit = p["digit"];
        var percent = p["percent"];
        var perMille = p["per-mille"];
        var active = family.Select(c => c.ToString()).Concat([decimalSeparator, exponentSeparator, groupingSeparator, digit, p["pattern-separator"]]).ToList();
        bool IsActive(char c) => active.Contains(c.ToString());
        bool IsDigit(char c) => Array.IndexOf(family, c) >= 0;

        var subPictures = picture.Split(p["pattern-separator"]);
        if (subPictures.Length > 2)
        {
            throw new JsonataException("D3080", "The picture string must only contain a maximum of two sub-pictures");
        }

        Parts Split(string sub)
        {
            var prefix = sub;
            for (var i = 0; i < sub.Length; i++)
            {
                if (IsActive(sub[i]) && sub[i].ToString() != exponentSeparator)
                {
                    prefix = sub[..i];
                    break;
                }
            }

            var suffix = sub;
            for (var i = sub.Length - 1; i >= 0; i--)
            {
                if (IsActive(sub[i]) && sub[i].ToString() != exponentSeparator)
                {
                    suffix = sub[(i + 1)..];
                    break;
                }
            }

            if (prefix.Length + suffix.Length > sub.Length)
            {
                suffix = string.Empty;
            }

            var activePart = sub[prefix.Length..(sub.Length - suffix.Length)];
            string mantissaPart;
            string? exponentPart;
            var exponentPosition = sub.IndexOf(exponentSeparator, prefix.Length, StringComparison.Ordinal);
            if (exponentPosition == -1 || exponentPosition > sub.Length - suffix.Length)
            {
                mantissaPart = activePart;
                exponentPart = null;
            }
            else
            {
                mantissaPart = activePart[..Math.Min(exponentPosition, activePart.Length)];
                exponentPart = exponentPosition + 1 <= activePart.Length ? activePart[(exponentPosition + 1)..] : string.Empty;
            }

            var decimalPosition = mantissaPart.IndexOf(decimalSeparator, StringComparison.Ordinal);
            return decimalPosition == -1
                ? new Parts(prefix, suffix, activePart, mantissaPart, exponentPart, mantissaPart, suffix, sub)
                : new Parts(prefix, suffix, activePart, mantissaPart, exponentPart, mantissaPart[..decimalPosition], mantissaPart[(decimalPosition + 1)..], sub);
        }

        void Validate(Parts parts)
        {
            string? error = null;
            var sub = parts.SubPicture;
            var decimalPos = sub.IndexOf(decimalSeparator, StringComparison.Ordinal);
            if (decimalPos != sub.LastIndexOf(decimalSeparator, StringComparison.Ordinal))
            {
                error = "D3081";
            }

            if (sub.IndexOf(percent, StringComparison.Ordinal) != sub.LastIndexOf(percent, StringComparison.Ordinal))
            {
                error = "D3082";
            }

            if (sub.IndexOf(perMille, StringComparison.Ordinal) != sub.LastIndexOf(perMille, StringComparison.Ordinal))
            {
                error = "D3083";
            }

            if (sub.Contains(percent, StringComparison.Ordinal) && sub.Contains(perMille, StringComparison.Ordinal))
            {
                error = "D3084";
            }

            if (!parts.MantissaPart.Any(c => IsDigit(c) || c.ToString() == digit))
            {
                error = "D3085";
            }

            if (parts.ActivePart.Any(c => !IsActive(c)))
            {
                error = "D3086";
            }

            if (decimalPos != -1)
            {
                if ((decimalPos > 0 && sub[decimalPos - 1].ToString() == groupingSeparator)
                    || (decimalPos + 1 < sub.Length && sub[decimalPos + 1].ToString() == groupingSeparator))
                {
                    error = "D3087";
                }
            }
            else if (parts.IntegerPart.EndsWith(groupingSeparator, StringComparison.Ordinal))
            {
                error = "D3088";
            }

            if (sub.Contains(groupingSeparator + groupingSeparator, StringComparison.Ordinal))
            {
                error = "D3089";
            }

            var optionalDigitPos = parts.IntegerPart.IndexOf(digit, StringComparison.Ordinal);
            if (optionalDigitPos != -1 && parts.IntegerPart[..optionalDigitPos].Any(IsDigit))
            {
                error = "D3090";
            }

            optionalDigitPos = parts.FractionalPart.LastIndexOf(digit, StringComparison.Ordinal);
            if (optionalDigitPos != -1 && parts.FractionalPart[optionalDigitPos..].Any(IsDigit))
            {
                error = "D3091";
            }

            var exponentExists = parts.ExponentPart is not null;
            if (exponentExists && parts.ExponentPart!.Length > 0 && (sub.Contains(percent, StringComparison.Ordinal) || sub.Contains(perMille, StringComparison.Ordinal)))
            {
                error = "D3092";
            }

            if (exponentExists && (parts.ExponentPart!.Length == 0 || parts.ExponentPart.Any(c => !IsDigit(c))))
            {
                error = "D3093";
            }

            if (error is not null)
            {
                throw new JsonataException(error, $"Invalid picture string for $formatNumber ({error}): {sub}", value: sub);
            }
        }

        List<int> GroupingPositions(string part, bool toLeft, Parts parts)
        {
            var positions = new List<int>();
            var groupingPosition = part.IndexOf(groupingSeparator, StringComparison.Ordinal);
            while (groupingPosition != -1)
            {
                var span = toLeft ? part[..groupingPosition] : part[groupingPosition..];
                positions.Add(span.Count(c => IsDigit(c) || c.ToString() == digit));
                // JSONata searches the integer part for the next separator, in both parts.
                groupingPosition = groupingPosition + 1 <= parts.IntegerPart.Length
                    ? parts.IntegerPart.IndexOf(groupingSeparator, groupingPosition + 1, StringComparison.Ordinal)
                    : -1;
            }

            return positions;
        }

        Analysis Analyse(Parts parts)
        {
            var integerPositions = GroupingPositions(parts.IntegerPart, false, parts);
            var regular = Regular(integerPositions);
            var fractionalPositions = GroupingPositions(parts.FractionalPart, true, parts);
            var minInt = parts.IntegerPart.Count(IsDigit);
            var scaling = minInt;
            var minFrac = parts.FractionalPart.Count(IsDigit);
            var maxFrac = parts.FractionalPart.Count(c => IsDigit(c) || c.ToString() == digit);
            var exponentPresent = parts.ExponentPart is not null;
            if (minInt == 0 && maxFrac == 0)
            {
                if (exponentPresent)
                {
                    minFrac = 1;
                    maxFrac = 1;
                }
                else
                {
                    minInt = 1;
                }
            }

            if (exponentPresent && minInt == 0 && parts.IntegerPart.Contains(digit, StringComparison.Ordinal))
            {
                minInt = 1;
            }

            if (minInt == 0 && minFrac == 0)
            {
                minFrac = 1;
            }

            var minExp = exponentPresent ? parts.ExponentPart!.Count(IsDigit) : 0;
            return new Analysis(integerPositions, regular, minInt, scaling, parts.Prefix, fractionalPositions, minFrac, maxFrac, minExp, parts.Suffix, parts.SubPicture);
        }

        var allParts = subPictures.Select(Split).ToList();
        allParts.ForEach(Validate);
        var variables = allParts.Select(Analyse).ToList();
        var minus = p["minus-sign"];
        if (variables.Count == 1)
        {
            variables.Add(variables[0] with { Prefix = minus + variables[0].Prefix });
        }

        var pic = value >= 0 ? variables[0] : variables[1];
        var adjusted = pic.Picture.Contains(percent, StringComparison.Ordinal) ? value * 100
            : pic.Picture.Contains(perMille, StringComparison.Ordinal) ? value * 1000
            : value;
        double mantissa;
        int? exponent = null;
        if (pic.MinimumExponentSize == 0)
        {
            mantissa = adjusted;
        }
        else
        {
            var maxMantissa = Math.Pow(10, pic.ScalingFactor);
            var minMantissa = Math.Pow(10, pic.ScalingFactor - 1);
            mantissa = adjusted;
            var e = 0;
            while (mantissa < minMantissa)
            {
                mantissa *= 10;
                e--;
            }

            while (mantissa > maxMantissa)
            {
                mantissa /= 10;
                e++;
            }

            exponent = e;
        }

        var rounded = BuiltinFunctions.Round(mantissa, pic.MaximumFractionalPartSize);
        string MakeString(double v, int dp)
        {
            var s = Math.Abs(v).ToString("F" + dp.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return zero == '0' ? s : new string(s.Select(c => c is >= '0' and <= '9' ? family[c - '0'] : c).ToArray());
        }

        var text = MakeString(rounded, pic.MaximumFractionalPartSize);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        text = dot == -1 ? text + decimalSeparator : text[..dot] + decimalSeparator + text[(dot + 1)..];
        var zeroText = zero.ToString();
        while (text.StartsWith(zeroText, StringComparison.Ordinal))
        {
            text = text[1..];
        }

        while (text.EndsWith(zeroText, StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        var decimalPos = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        var padLeft = pic.MinimumIntegerPartSize - decimalPos;
        var padRight = pic.MinimumFractionalPartSize - (text.Length - decimalPos - 1);
        text = (padLeft > 0 ? new string(zero, padLeft) : string.Empty) + text + (padRight > 0 ? new string(zero, padRight) : string.Empty);
        decimalPos = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (pic.RegularGrouping > 0)
        {
            var groupCount = (decimalPos - 1) / pic.RegularGrouping;
            for (var group = 1; group <= groupCount; group++)
            {
                var at = decimalPos - (group * pic.RegularGrouping);
                text = text[..at] + groupingSeparator + text[at..];
            }
        }
        else
        {
            foreach (var pos in pic.IntegerGroupingPositions)
            {
                var at = Math.Max(decimalPos - pos, 0);
                text = text[..at] + groupingSeparator + text[at..];
                decimalPos++;
            }
        }

        decimalPos = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        foreach (var pos in pic.FractionalGroupingPositions)
        {
            var at = Math.Min(pos + decimalPos + 1, text.Length);
            text = text[..at] + groupingSeparator + text[at..];
        }

        decimalPos = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (decimalPos == text.Length - 1)
        {
            text = text[..^1];
        }

        if (exponent is { } exp)
        {
            var expText = MakeString(exp, 0);
            var pad = pic.MinimumExponentSize - expText.Length;
            if (pad > 0)
            {
                expText = new string(zero, pad) + expText;
            }

            text = text + exponentSeparator + (exp < 0 ? minus : string.Empty) + expText;
        }

        return new StringBuilder(pic.Prefix).Append(text).Append(pic.Suffix).ToString();
    }

    private static int Regular(List<int> indexes)
    {
        if (indexes.Count == 0)
        {
            return 0;
        }

        var factor = indexes.Aggregate(Gcd);
        for (var index = 1; index <= indexes.Count; index++)
        {
            if (!indexes.Contains(index * factor))
            {
                return 0;
            }
        }

        return factor;

        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
    }
}
