using System.Text;

namespace Workflow.Jsonata;

/// <summary>JSONata's rules for looking up, testing, comparing, combining and stringifying values.</summary>
internal static class Values
{
    public static object? Lookup(object? input, string key)
    {
        if (input is Sequence array)
        {
            var result = Sequence.Create();
            foreach (var item in array)
            {
                var res = Lookup(item, key);
                if (res is Sequence inner)
                {
                    result.AddRange(inner);
                }
                else if (res is not null)
                {
                    result.Add(res);
                }
            }

            return result;
        }

        return input is JsonataObject obj && obj.TryGetValue(key, out var value) ? value : null;
    }

    public static void CheckFinite(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new JsonataException("D1001", $"Number out of range: {d}", value: d);
        }
    }

    /// <summary>JSONata's truthiness; null (undefined) for undefined.</summary>
    public static bool? Boolean(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case Sequence array:
                if (array.Count == 1)
                {
                    return Boolean(array[0]);
                }

                return array.Count > 1 && array.Any(v => Boolean(v) == true);
            case string s:
                return s.Length > 0;
            case double d:
                CheckFinite(d);
                return d != 0;
            case bool b:
                return b;
            case JsonataObject o:
                return o.Count > 0;
            default:
                return false;
        }
    }

    public static bool Boolize(object? value) => Boolean(value) ?? false;

    public static bool DeepEqual(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case double da:
                return b is double db && da == db;
            case string sa:
                return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case bool ba:
                return b is bool bb && ba == bb;
            case Sequence la:
                if (b is not Sequence lb || la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEqual(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonataObject oa:
                if (b is not JsonataObject ob || oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (k, v) in oa)
                {
                    if (!ob.TryGetValue(k, out var other) || !DeepEqual(v, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary><c>$append</c>: concatenates values, treating single values as one-item arrays.</summary>
    public static object? Append(object? arg1, object? arg2)
    {
        if (arg1 is null)
        {
            return arg2;
        }

        if (arg2 is null)
        {
            return arg1;
        }

        // A plain array, as JavaScript's concat returns: the result is not collapsed like a sequence.
        var result = arg1 is Sequence s1 ? new Sequence(s1) : new Sequence { arg1 };
        if (arg2 is Sequence s2)
        {
            result.AddRange(s2);
        }
        else
        {
            result.Add(arg2);
        }

        return result;
    }

    public static void Flatten(object? arg, Sequence into)
    {
        if (arg is Sequence array)
        {
            foreach (var item in array)
            {
                Flatten(item, into);
            }
        }
        else
        {
            into.Add(arg);
        }
    }

    /// <summary><c>$string</c> without prettify: strings as they are, other values as compact JSON.</summary>
    public static string StringOf(object? value, Evaluator? evaluator) => value is null ? string.Empty : Stringify(value, false);

    public static string Stringify(object value, bool prettify)
    {
        switch (value)
        {
            case string s:
                return s;
            case JsonataFunction:
                return string.Empty;
            case double d when !double.IsFinite(d):
                throw new JsonataException("D3001", "Attempting to invoke string function on Infinity or NaN", value: d);
        }

        if (value is Sequence { OuterWrapper: true } wrapped)
        {
            value = wrapped[0]!;
        }

        var builder = new StringBuilder();
        WriteJson(builder, value, prettify ? 0 : -1);
        return builder.ToString();
    }

    /// <summary>JSON.stringify with JSONata's replacer: numbers to 15 significant digits, functions as "".</summary>
    public static void WriteJson(StringBuilder b, object? value, int indent)
    {
        switch (value)
        {
            case null:
            case JsonataNull:
                b.Append("null");
                break;
            case bool v:
                b.Append(v ? "true" : "false");
                break;
            case double d:
                b.Append(double.IsFinite(d) ? JsNumber.Format(JsNumber.ToPrecision15(d)) : "null");
                break;
            case string s:
                JsNumber.WriteQuoted(b, s);
                break;
            case JsonataFunction:
                b.Append("\"\"");
                break;
            case Sequence array:
            {
                if (array.Count == 0)
                {
                    b.Append("[]");
                    break;
                }

                b.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(',');
                    }

                    NewLine(b, indent < 0 ? -1 : indent + 1);
                    WriteJson(b, array[i], indent < 0 ? -1 : indent + 1);
                }

                NewLine(b, indent);
                b.Append(']');
                break;
            }

            case JsonataObject obj:
            {
                var first = true;
                b.Append('{');
                foreach (var (k, v) in obj)
                {
                    if (v is null)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        b.Append(',');
                    }

                    first = false;
                    NewLine(b, indent < 0 ? -1 : indent + 1);
                    JsNumber.WriteQuoted(b, k);
                    b.Append(indent < 0 ? ":" : ": ");
                    WriteJson(b, v, indent < 0 ? -1 : indent + 1);
                }

                if (!first)
                {
                    NewLine(b, indent);
                }

                b.Append('}');
                break;
            }

            default:
                b.Append("null");
                break;
        }
    }

    private static void NewLine(StringBuilder b, int indent)
    {
        if (indent >= 0)
        {
            b.Append('\n').Append(' ', indent * 2);
        }
    }

    /// <summary>A short rendering of a value for error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "undefined",
        string s => "\"" + s + "\"",
        JsonataFunction => "function",
        double d when !double.IsFinite(d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Stringify(value, false),
    };

    /// <summary>JSONata's stable merge sort; <paramref name="swap"/> says whether a must come after b.</summary>
    public static Sequence MergeSort(IReadOnlyList<object?> items, Func<object?, object?, bool> swap)
    {
        var array = items.ToArray();
        var buffer = new object?[array.Length];
        for (var width = 1; width < array.Length; width *= 2)
        {
            for (var lo = 0; lo < array.Length - width; lo += 2 * width)
            {
                var mid = lo + width;
                var hi = Math.Min(lo + (2 * width), array.Length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    buffer[k++] = swap(array[i], array[j]) ? array[j++] : array[i++];
                }

                while (i < mid)
                {
                    buffer[k++] = array[i++];
                }

                while (j < hi)
                {
                    buffer[k++] = array[j++];
                }

                Array.Copy(buffer, lo, array, lo, hi - lo);
            }
        }

        return new Sequence(array);
    }
}
