using System.Globalization;
using System.Text;

namespace Workflow.Jsonata;

/// <summary>JSONata's function library (strings, numbers, arrays, objects, higher-order, boolean).</summary>
internal static partial class BuiltinFunctions
{
    private static readonly Lazy<Frame> StaticFrame = new(Create);

    public static Frame Global => StaticFrame.Value;

    private static Frame Create()
    {
        var f = new Frame(null);
        void Def(string name, string signature, Func<CallContext, object?[], object?> impl, int? arity = null) =>
            f.Bind(name, new NativeFunction(name, signature, impl, arity));

        Def("sum", "<a<n>:n>", (_, a) => a[0] is Sequence s ? s.Sum(v => (double)v!) : null);
        Def("count", "<a:n>", (_, a) => a[0] is Sequence s ? (double)s.Count : 0d);
        Def("max", "<a<n>:n>", (_, a) => a[0] is Sequence { Count: > 0 } s ? s.Max(v => (double)v!) : null);
        Def("min", "<a<n>:n>", (_, a) => a[0] is Sequence { Count: > 0 } s ? s.Min(v => (double)v!) : null);
        Def("average", "<a<n>:n>", (_, a) => a[0] is Sequence { Count: > 0 } s ? s.Average(v => (double)v!) : null);
        Def("string", "<x-b?:s>", (_, a) => a[0] is null ? null : Values.Stringify(a[0]!, a.Length > 1 && a[1] is true), arity: 1);
        Def("substring", "<s-nn?:s>", (_, a) => Substring(a[0] as string, (double)a[1]!, a.Length > 2 ? a[2] as double? : null));
        Def("substringBefore", "<s-s:s>", (_, a) => a[0] is not string s ? null
            : s.IndexOf((string)a[1]!, StringComparison.Ordinal) is var i and > -1 ? s[..i] : s);
        Def("substringAfter", "<s-s:s>", (_, a) => a[0] is not string s ? null
            : s.IndexOf((string)a[1]!, StringComparison.Ordinal) is var i and > -1 ? s[(i + ((string)a[1]!).Length)..] : s);
        Def("lowercase", "<s-:s>", (_, a) => (a[0] as string)?.ToLowerInvariant());
        Def("uppercase", "<s-:s>", (_, a) => (a[0] as string)?.ToUpperInvariant());
        Def("length", "<s-:n>", (_, a) => a[0] is string s ? (double)CodePoints(s).Count : null);
        Def("trim", "<s-:s>", (_, a) => a[0] is string s ? Trim(s) : null);
        Def("pad", "<s-ns?:s>", (_, a) => Pad(a[0] as string, (double)a[1]!, a.Length > 2 ? a[2] as string : null));
        Def("match", "<s-f<s:o>n?:a<o>>", (c, a) => Match(c, a[0] as string, a[1]!, a.Length > 2 ? a[2] as double? : null));
        Def("contains", "<s-(sf):b>", (c, a) => Contains(c, a[0] as string, a[1]));
        Def("replace", "<s-(sf)(sf)n?:s>", (c, a) => Replace(c, a[0] as string, a[1], a[2], a.Length > 3 ? a[3] as double? : null));
        Def("split", "<s-(sf)n?:a<s>>", (c, a) => Split(c, a[0] as string, a[1], a.Length > 2 ? a[2] as double? : null));
        Def("join", "<a<s>s?:s>", (_, a) => a[0] is Sequence s ? string.Join(a.Length > 1 ? a[1] as string ?? string.Empty : string.Empty, s.Cast<string>()) : null);
        Def("formatNumber", "<n-so?:s>", (_, a) => a[0] is double d ? NumberFormatter.Format(d, (string)a[1]!, a.Length > 2 ? a[2] as JsonataObject : null) : null);
        Def("formatBase", "<n-n?:s>", (_, a) => FormatBase(a[0] as double?, a.Length > 1 ? a[1] as double? : null));
        Def("formatInteger", "<n-s:s>", (_, a) => a[0] is double d ? IntegerFormatter.Format(d, (string)a[1]!) : null);
        Def("parseInteger", "<s-s:n>", (_, a) => a[0] is string s ? IntegerFormatter.Parse(s, (string)a[1]!) : null);
        Def("number", "<(nsb)-:n>", (_, a) => ToNumber(a[0]));
        Def("floor", "<n-:n>", (_, a) => a[0] is double d ? Math.Floor(d) : null);
        Def("ceil", "<n-:n>", (_, a) => a[0] is double d ? Math.Ceiling(d) : null);
        Def("round", "<n-n?:n>", (_, a) => a[0] is double d ? Round(d, a.Length > 1 && a[1] is double p ? (int)p : 0) : null);
        Def("abs", "<n-:n>", (_, a) => a[0] is double d ? Math.Abs(d) : null);
        Def("sqrt", "<n-:n>", (_, a) => a[0] is double d
            ? d < 0 ? throw new JsonataException("D3060", $"The sqrt function cannot be applied to a negative number: {JsNumber.Format(d)}", value: d) : Math.Sqrt(d)
            : null);
        Def("power", "<n-n:n>", (_, a) => Power(a[0] as double?, (double)a[1]!));
        Def("random", "<:n>", (c, _) => c.Evaluator.Options.Random());
        Def("boolean", "<x-:b>", (_, a) => Values.Boolean(a[0]));
        Def("not", "<x-:b>", (_, a) => a[0] is null ? null : !Values.Boolize(a[0]));
        Def("map", "<af>", Map);
        Def("zip", "<a+>", (_, a) => Zip(a), arity: 0);
        Def("filter", "<af>", Filter);
        Def("single", "<af?>", Single);
        Def("reduce", "<afj?:j>", Reduce);
        Def("sift", "<o-f?:o>", Sift);
        Def("keys", "<x-:a<s>>", (_, a) => Keys(a[0]));
        Def("lookup", "<x-s:x>", (_, a) => Values.Lookup(a[0], (string)a[1]!));
        Def("append", "<xx:a>", (_, a) => Append(a[0], a[1]));
        Def("exists", "<x:b>", (_, a) => a[0] is not null);
        Def("spread", "<x-:a<o>>", (_, a) => Spread(a[0]));
        Def("merge", "<a<o>:o>", (_, a) => Merge(a[0] as Sequence));
        Def("reverse", "<a:a>", (_, a) => a[0] is not Sequence s ? null : s.Count <= 1 ? s : new Sequence(Enumerable.Reverse(s)));
        Def("each", "<o-f:a>", Each);
        Def("error", "<s?:x>", (_, a) => throw new JsonataException("D3137", a.Length > 0 && a[0] is string m ? m : "$error() function evaluated"));
        Def("assert", "<bs?:x>", (_, a) => a[0] is false
            ? throw new JsonataException("D3141", a.Length > 1 && a[1] is string m ? m : "$assert() statement failed")
            : null);
        Def("type", "<x:s>", (_, a) => TypeOf(a[0]));
        Def("sort", "<af?:a>", Sort);
        Def("shuffle", "<a:a>", Shuffle);
        Def("distinct", "<x:x>", (_, a) => Distinct(a[0]));
        Def("base64encode", "<s-:s>", (_, a) => a[0] is string s ? Convert.ToBase64String(Encoding.Latin1.GetBytes(s)) : null);
        Def("base64decode", "<s-:s>", (_, a) => a[0] is string s ? Encoding.Latin1.GetString(Convert.FromBase64String(s)) : null);
        Def("encodeUrlComponent", "<s-:s>", (_, a) => a[0] is string s ? UrlCoding.Encode(s, component: true) : null);
        Def("encodeUrl", "<s-:s>", (_, a) => a[0] is string s ? UrlCoding.Encode(s, component: false) : null);
        Def("decodeUrlComponent", "<s-:s>", (_, a) => a[0] is string s ? UrlCoding.Decode(s, component: true) : null);
        Def("decodeUrl", "<s-:s>", (_, a) => a[0] is string s ? UrlCoding.Decode(s, component: false) : null);
        Def("toMillis", "<s-s?:n>", (c, a) => a[0] is string s ? DateTimeFormatter.ToMillis(s, a.Length > 1 ? a[1] as string : null, c.Evaluator.Timestamp) : null);
        Def("fromMillis", "<n-s?s?:s>", (_, a) => a[0] is double d
            ? DateTimeFormatter.FromMillis(d, a.Length > 1 ? a[1] as string : null, a.Length > 2 ? a[2] as string : null)
            : null);
        Def("now", "<s?s?:s>", (c, a) => DateTimeFormatter.FromMillis(
            c.Evaluator.Timestamp.ToUnixTimeMilliseconds(), a.Length > 0 ? a[0] as string : null, a.Length > 1 ? a[1] as string : null));
        Def("clone", "<(oa)-:o>", (_, a) => Clone(a[0]));
        Def("millis", "<:n>", (c, _) => (double)c.Evaluator.Timestamp.ToUnixTimeMilliseconds());
        return f;
    }

    public static List<string> CodePoints(string s)
    {
        var result = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Add(s.Substring(i++, 2));
            }
            else
            {
                result.Add(s[i].ToString());
            }
        }

        return result;
    }

    private static string? Substring(string? str, double start, double? length)
    {
        if (str is null)
        {
            return null;
        }

        var chars = CodePoints(str);
        var count = chars.Count;
        if (count + start < 0)
        {
            start = 0;
        }

        if (length is { } len)
        {
            if (len <= 0)
            {
                return string.Empty;
            }

            var end = start >= 0 ? start + len : count + start + len;
            return Slice(chars, start, end);
        }

        return Slice(chars, start, count);
    }

    /// <summary>JavaScript's Array.prototype.slice over code points.</summary>
    private static string Slice(List<string> chars, double start, double end)
    {
        var count = chars.Count;
        var from = (int)Math.Clamp(start < 0 ? Math.Max(count + Math.Truncate(start), 0) : Math.Truncate(start), 0, count);
        var to = (int)Math.Clamp(end < 0 ? Math.Max(count + Math.Truncate(end), 0) : Math.Min(Math.Truncate(end), count), 0, count);
        return to <= from ? string.Empty : string.Concat(chars.GetRange(from, to - from));
    }

    private static string Trim(string s)
    {
        var b = new StringBuilder(s.Length);
        var inSpace = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (!inSpace)
                {
                    b.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                b.Append(c);
                inSpace = false;
            }
        }

        var result = b.ToString();
        if (result.StartsWith(' '))
        {
            result = result[1..];
        }

        if (result.EndsWith(' '))
        {
            result = result[..^1];
        }

        return result;
    }

    private static string? Pad(string? str, double width, string? padChar)
    {
        if (str is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(padChar))
        {
            padChar = " ";
        }

        var padLength = (int)Math.Abs(width) - CodePoints(str).Count;
        if (padLength <= 0)
        {
            return str;
        }

        var padding = new StringBuilder();
        for (var i = 0; i < padLength; i++)
        {
            padding.Append(padChar);
        }

        var pad = padChar.Length > 1 ? Substring(padding.ToString(), 0, padLength)! : padding.ToString();
        return width > 0 ? str + pad : pad + str;
    }

    private static JsonataObject? EvaluateMatcher(CallContext c, object matcher, string? text, bool isNext = false)
    {
        var result = isNext
            ? c.Evaluator.Apply(matcher, [], null, c.Environment)
            : c.Evaluator.Apply(matcher, [text], null, c.Environment);
        if (result is null)
        {
            return null;
        }

        if (result is not JsonataObject obj
            || !(obj.GetValueOrDefault("start") is double || obj.GetValueOrDefault("end") is double
                 || obj.GetValueOrDefault("groups") is Sequence || obj.GetValueOrDefault("next") is JsonataFunction))
        {
            throw new JsonataException("T1010", "The matcher function argument passed to function does not return the correct object structure");
        }

        return obj;
    }

    private static JsonataObject? NextMatch(CallContext c, JsonataObject match) =>
        match.GetValueOrDefault("next") is JsonataFunction next ? EvaluateMatcher(c, next, null, isNext: true) : null;

    private static object? Match(CallContext c, string? str, object regex, double? limit)
    {
        if (str is null)
        {
            return null;
        }

        if (limit < 0)
        {
            throw new JsonataException("D3040", "Third argument of match function must evaluate to a positive number", value: limit);
        }

        var result = Sequence.Create();
        if (limit is null || limit > 0)
        {
            var count = 0;
            var matches = EvaluateMatcher(c, regex, str);
            while (matches is not null && (limit is null || count < limit))
            {
                result.Add(new JsonataObject
                {
                    ["match"] = matches.GetValueOrDefault("match"),
                    ["index"] = matches.GetValueOrDefault("start"),
                    ["groups"] = matches.GetValueOrDefault("groups"),
                });
                matches = NextMatch(c, matches);
                count++;
            }
        }

        return result;
    }

    private static object? Contains(CallContext c, string? str, object? token)
    {
        if (str is null)
        {
            return null;
        }

        return token is string s ? str.Contains(s, StringComparison.Ordinal) : EvaluateMatcher(c, token!, str) is not null;
    }

    private static object? Replace(CallContext c, string? str, object? pattern, object? replacement, double? limit)
    {
        if (str is null)
        {
            return null;
        }

        if (pattern is "")
        {
            throw new JsonataException("D3010", "Second argument of replace function cannot be an empty string", value: pattern) { Index = 2 };
        }

        if (limit < 0)
        {
            throw new JsonataException("D3011", "Fourth argument of replace function must evaluate to a positive number", value: limit) { Index = 4 };
        }

        if (limit is not null && limit <= 0)
        {
            return str;
        }

        var result = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string p)
        {
            var index = str.IndexOf(p, StringComparison.Ordinal);
            while (index != -1 && (limit is null || count < limit))
            {
                result.Append(str, position, index - position);
                result.Append(replacement as string);
                position = index + p.Length;
                count++;
                index = str.IndexOf(p, position, StringComparison.Ordinal);
            }

            result.Append(str, position, str.Length - position);
            return result.ToString();
        }

        var matches = EvaluateMatcher(c, pattern!, str);
        if (matches is null)
        {
            return str;
        }

        while (matches is not null && (limit is null || count < limit))
        {
            var start = (int)(double)matches["start"]!;
            result.Append(str, position, start - position);
            var replacedWith = replacement is string template
                ? Substitute(template, matches)
                : c.Evaluator.Apply(replacement, [matches], null, c.Environment);
            if (replacedWith is string r)
            {
                result.Append(r);
            }
            else
            {
                throw new JsonataException("D3012", "Attempted to replace a matched string with a non-string value", value: replacedWith);
            }

            position = start + ((string)matches["match"]!).Length;
            count++;
            matches = NextMatch(c, matches);
        }

        result.Append(str, position, str.Length - position);
        return result.ToString();
    }

    /// <summary>Expands $0, $1.. and $$ in a replacement string, as JSONata does.</summary>
    private static string Substitute(string replacement, JsonataObject match)
    {
        var groups = match.GetValueOrDefault("groups") as Sequence ?? [];
        var b = new StringBuilder();
        var position = 0;
        var index = replacement.IndexOf('$', position);
        while (index != -1 && position < replacement.Length)
        {
            b.Append(replacement, position, index - position);
            position = index + 1;
            var dollarVal = position < replacement.Length ? replacement[position] : '\0';
            if (dollarVal == '$')
            {
                b.Append('$');
                position++;
            }
            else if (dollarVal == '0')
            {
                b.Append(match["match"] as string);
                position++;
            }
            else
            {
                var maxDigits = groups.Count == 0 ? 1 : (int)Math.Floor(Math.Log10(groups.Count)) + 1;
                var groupIndex = ParseLeadingInt(replacement, position, maxDigits);
                if (maxDigits > 1 && groupIndex > groups.Count)
                {
                    groupIndex = ParseLeadingInt(replacement, position, maxDigits - 1);
                }

                if (groupIndex is { } gi)
                {
                    if (groups.Count > 0 && gi - 1 >= 0 && gi - 1 < groups.Count && groups[gi - 1] is string sub)
                    {
                        b.Append(sub);
                    }

                    position += gi.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    b.Append('$');
                }
            }

            index = replacement.IndexOf('$', position);
        }

        if (position < replacement.Length)
        {
            b.Append(replacement, position, replacement.Length - position);
        }

        return b.ToString();
    }

    /// <summary>JavaScript's parseInt over at most <paramref name="maxDigits"/> characters; null for NaN.</summary>
    private static int? ParseLeadingInt(string s, int start, int maxDigits)
    {
        var end = Math.Min(s.Length, start + maxDigits);
        var i = start;
        while (i < end && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i == start ? null : int.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
    }

    private static object? Split(CallContext c, string? str, object? separator, double? limit)
    {
        if (str is null)
        {
            return null;
        }

        if (limit < 0)
        {
            throw new JsonataException("D3020", "Third argument of split function must evaluate to a positive number", value: limit) { Index = 3 };
        }

        var result = new Sequence();
        if (limit is not null && limit <= 0)
        {
            return result;
        }

        if (separator is string sep)
        {
            IEnumerable<string> parts = sep.Length == 0 ? str.Select(ch => ch.ToString()) : str.Split(sep);
            if (limit is { } l)
            {
                parts = parts.Take((int)l);
            }

            result.AddRange(parts);
            return result;
        }

        var count = 0;
        var matches = EvaluateMatcher(c, separator!, str);
        if (matches is null)
        {
            result.Add(str);
            return result;
        }

        var start = 0;
        while (matches is not null && (limit is null || count < limit))
        {
            var matchStart = (int)(double)matches["start"]!;
            result.Add(str[start..matchStart]);
            start = (int)(double)matches["end"]!;
            matches = NextMatch(c, matches);
            count++;
        }

        if (limit is null || count < limit)
        {
            result.Add(str[start..]);
        }

        return result;
    }

    private static string? FormatBase(double? value, double? radix)
    {
        if (value is not { } v)
        {
            return null;
        }

        v = Round(v, 0);
        var r = (int)(radix ?? 10);
        if (r is < 2 or > 36)
        {
            throw new JsonataException("D3100", $"The radix of the formatBase function must be between 2 and 36.  It was given {r}", value: radix);
        }

        var negative = v < 0;
        var n = (long)Math.Abs(v);
        if (n == 0)
        {
            return "0";
        }

        var b = new StringBuilder();
        while (n > 0)
        {
            b.Insert(0, "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(n % r)]);
            n /= r;
        }

        return negative ? "-" + b : b.ToString();
    }

    private static object? ToNumber(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case double d:
                return d;
            case bool b:
                return b ? 1d : 0d;
            case string s when DecimalNumber().IsMatch(s):
            {
                var d = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsFinite(d))
                {
                    return d;
                }

                break;
            }

            case string s when s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B':
            {
                var radix = s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2;
                double value = 0;
                var ok = true;
                foreach (var ch in s[2..])
                {
                    var digit = char.IsAsciiDigit(ch) ? ch - '0' : char.IsAsciiLetter(ch) ? char.ToLowerInvariant(ch) - 'a' + 10 : 99;
                    if (digit >= radix)
                    {
                        ok = false;
                        break;
                    }

                    value = (value * radix) + digit;
                }

                if (ok)
                {
                    return value;
                }

                break;
            }
        }

        throw new JsonataException("D3030", $"Unable to cast value to a number: {Values.Describe(arg)}", value: arg) { Index = 1 };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex DecimalNumber();

    /// <summary>Round half to even, at a number of decimal places (negative rounds to tens, hundreds...).</summary>
    public static double Round(double arg, int precision)
    {
        if (precision != 0)
        {
            arg = ShiftDecimal(arg, precision);
        }

        var result = Math.Floor(arg + 0.5);
        var diff = result - arg;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (precision != 0)
        {
            result = ShiftDecimal(result, -precision);
        }

        return result == 0 ? 0 : result;
    }

    /// <summary>Multiplies by 10^places through the decimal text, avoiding binary scaling error.</summary>
    private static double ShiftDecimal(double value, int places)
    {
        var text = JsNumber.Format(value);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var mantissa = e >= 0 ? text[..e] : text;
        var exponent = (e >= 0 ? int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0) + places;
        return double.Parse(mantissa + "e" + exponent.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static object? Power(double? value, double exponent)
    {
        if (value is not { } v)
        {
            return null;
        }

        var result = Math.Pow(v, exponent);
        if (!double.IsFinite(result))
        {
            throw new JsonataException("D3061", $"The power function has resulted in a value that cannot be represented as a JSON number: base={JsNumber.Format(v)}, exponent={JsNumber.Format(exponent)}", value: v);
        }

        return result;
    }

    private static object?[] HofArgs(JsonataFunction func, object? a1, object? a2, object? a3)
    {
        var arity = func.Arity;
        return arity >= 3 ? [a1, a2, a3] : arity == 2 ? [a1, a2] : [a1];
    }

    private static object? Map(CallContext c, object?[] a)
    {
        if (a[0] is not Sequence arr)
        {
            return null;
        }

        var func = (JsonataFunction)a[1]!;
        var result = Sequence.Create();
        for (var i = 0; i < arr.Count; i++)
        {
            var res = c.Evaluator.Apply(func, HofArgs(func, arr[i], (double)i, arr), null, c.Environment);
            if (res is not null)
            {
                result.Add(res);
            }
        }

        return result;
    }

    private static object? Filter(CallContext c, object?[] a)
    {
        if (a[0] is not Sequence arr)
        {
            return null;
        }

        var func = (JsonataFunction)a[1]!;
        var result = Sequence.Create();
        for (var i = 0; i < arr.Count; i++)
        {
            var res = c.Evaluator.Apply(func, HofArgs(func, arr[i], (double)i, arr), null, c.Environment);
            if (Values.Boolean(res) == true)
            {
                result.Add(arr[i]);
            }
        }

        return result;
    }

    private static object? Single(CallContext c, object?[] a)
    {
        if (a[0] is not Sequence arr)
        {
            return null;
        }

        var func = a.Length > 1 ? a[1] as JsonataFunction : null;
        object? result = null;
        var found = false;
        for (var i = 0; i < arr.Count; i++)
        {
            var positive = func is null || Values.Boolean(c.Evaluator.Apply(func, HofArgs(func, arr[i], (double)i, arr), null, c.Environment)) == true;
            if (!positive)
            {
                continue;
            }

            if (found)
            {
                throw new JsonataException("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.") { Index = i };
            }

            result = arr[i];
            found = true;
        }

        return found ? result : throw new JsonataException("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
    }

    private static object? Zip(object?[] args)
    {
        var arrays = args.Select(x => x as Sequence).ToList();
        var length = arrays.Count == 0 ? 0 : arrays.Min(x => x?.Count ?? 0);
        var result = new Sequence();
        for (var i = 0; i < length; i++)
        {
            result.Add(new Sequence(arrays.Select(x => x![i])));
        }

        return result;
    }

    private static object? Reduce(CallContext c, object?[] a)
    {
        if (a[0] is not Sequence sequence)
        {
            return null;
        }

        var func = (JsonataFunction)a[1]!;
        var arity = func.Arity;
        if (arity < 2)
        {
            throw new JsonataException("D3050", "The second argument of reduce function must be a function with at least two arguments") { Index = 1 };
        }

        var init = a.Length > 2 ? a[2] : null;
        object? result;
        int index;
        if (init is null && sequence.Count > 0)
        {
            result = sequence[0];
            index = 1;
        }
        else
        {
            result = init;
            index = 0;
        }

        for (; index < sequence.Count; index++)
        {
            var args = new List<object?> { result, sequence[index] };
            if (arity >= 3)
            {
                args.Add((double)index);
            }

            if (arity >= 4)
            {
                args.Add(sequence);
            }

            result = c.Evaluator.Apply(func, args, null, c.Environment);
        }

        return result;
    }

    private static object? Sift(CallContext c, object?[] a)
    {
        if (a[0] is not JsonataObject obj)
        {
            return null;
        }

        var func = (JsonataFunction)a[1]!;
        var result = new JsonataObject();
        foreach (var (key, value) in obj)
        {
            if (Values.Boolean(c.Evaluator.Apply(func, HofArgs(func, value, key, obj), null, c.Environment)) == true)
            {
                result[key] = value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static Sequence Keys(object? arg)
    {
        var result = Sequence.Create();
        if (arg is Sequence array)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in array)
            {
                foreach (var key in Keys(item).Cast<string>())
                {
                    if (seen.Add(key))
                    {
                        result.Add(key);
                    }
                }
            }
        }
        else if (arg is JsonataObject obj)
        {
            result.AddRange(obj.Keys);
        }

        return result;
    }

    private static object? Append(object? a1, object? a2)
    {
        if (a1 is null)
        {
            return a2;
        }

        if (a2 is null)
        {
            return a1;
        }

        var result = new Sequence();
        if (a1 is Sequence s1)
        {
            result.AddRange(s1);
        }
        else
        {
            result.Add(a1);
        }

        if (a2 is Sequence s2)
        {
            result.AddRange(s2);
        }
        else
        {
            result.Add(a2);
        }

        return result;
    }

    private static object? Spread(object? arg)
    {
        if (arg is Sequence array)
        {
            object? result = Sequence.Create();
            foreach (var item in array)
            {
                result = Values.Append(result, Spread(item));
            }

            return result;
        }

        if (arg is JsonataObject obj)
        {
            var result = Sequence.Create();
            foreach (var (k, v) in obj)
            {
                result.Add(new JsonataObject { [k] = v });
            }

            return result;
        }

        return arg;
    }

    private static object? Merge(Sequence? objects)
    {
        if (objects is null)
        {
            return null;
        }

        var result = new JsonataObject();
        foreach (var obj in objects.Cast<JsonataObject>())
        {
            foreach (var (k, v) in obj)
            {
                result[k] = v;
            }
        }

        return result;
    }

    private static object? Each(CallContext c, object?[] a)
    {
        if (a[0] is not JsonataObject obj)
        {
            return null;
        }

        var func = (JsonataFunction)a[1]!;
        var result = Sequence.Create();
        foreach (var (key, value) in obj)
        {
            var res = c.Evaluator.Apply(func, HofArgs(func, value, key, obj), null, c.Environment);
            if (res is not null)
            {
                result.Add(res);
            }
        }

        return result;
    }

    private static string? TypeOf(object? value) => value switch
    {
        null => null,
        JsonataNull => "null",
        double => "number",
        string => "string",
        bool => "boolean",
        Sequence => "array",
        JsonataFunction => "function",
        _ => "object",
    };

    private static object? Sort(CallContext c, object?[] a)
    {
        if (a[0] is not Sequence arr)
        {
            return null;
        }

        if (arr.Count <= 1)
        {
            return arr;
        }

        var comparator = a.Length > 1 ? a[1] as JsonataFunction : null;
        if (comparator is null)
        {
            if (arr.All(v => v is double))
            {
                return Values.MergeSort(arr, (x, y) => (double)x! > (double)y!);
            }

            if (arr.All(v => v is string))
            {
                return Values.MergeSort(arr, (x, y) => string.CompareOrdinal((string)x!, (string)y!) > 0);
            }

            throw new JsonataException("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function") { Index = 1 };
        }

        return Values.MergeSort(arr, (x, y) => JsTruthy(c.Evaluator.Apply(comparator, [x, y], null, c.Environment)));
    }

    private static bool JsTruthy(object? value) => value switch
    {
        null or JsonataNull => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    private static object? Shuffle(CallContext c, object?[] a)
    {
        if (a[0] is not Sequence arr)
        {
            return null;
        }

        if (arr.Count <= 1)
        {
            return arr;
        }

        var result = new Sequence(arr);
        for (var i = result.Count - 1; i > 0; i--)
        {
            var j = (int)Math.Floor(c.Evaluator.Options.Random() * (i + 1));
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }

    private static object? Distinct(object? arg)
    {
        if (arg is not Sequence { Count: > 1 } arr)
        {
            return arg;
        }

        var result = arr.IsSequence ? Sequence.Create() : new Sequence();
        foreach (var item in arr)
        {
            if (!result.Any(existing => Values.DeepEqual(existing, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>$clone: a deep copy through JSON (numbers to 15 significant digits, functions become "").</summary>
    private static object? Clone(object? value) => value switch
    {
        null => null,
        Sequence s => new Sequence(s.Select(Clone)),
        JsonataObject o => CloneObject(o),
        double d => JsNumber.ToPrecision15(d),
        JsonataFunction => string.Empty,
        _ => value,
    };

    private static JsonataObject CloneObject(JsonataObject o)
    {
        var copy = new JsonataObject(o.Count);
        foreach (var (k, v) in o)
        {
            if (v is not null)
            {
                copy[k] = Clone(v);
            }
        }

        return copy;
    }
}
