using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>Type tests, number access, equality and serialisation of JSON values with Step Functions' rules.</summary>
public static class JsonValues
{
    public static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static bool IsString(JsonNode? node) => node is JsonValue && node.GetValueKind() == JsonValueKind.String;

    public static bool IsNumber(JsonNode? node) => node is JsonValue && node.GetValueKind() == JsonValueKind.Number;

    public static bool IsBoolean(JsonNode? node)
    {
        if (node is not JsonValue)
        {
            return false;
        }

        var kind = node.GetValueKind();
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        if (node is JsonValue)
        {
            switch (node.GetValueKind())
            {
                case JsonValueKind.True:
                    value = true;
                    return true;
                case JsonValueKind.False:
                    value = false;
                    return true;
            }
        }

        value = false;
        return false;
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.TryGetDouble(out value);
        }

        if (v.TryGetValue(out double d)) { value = d; return true; }
        if (v.TryGetValue(out long l)) { value = l; return true; }
        if (v.TryGetValue(out int i)) { value = i; return true; }
        if (v.TryGetValue(out decimal m)) { value = (double)m; return true; }
        if (v.TryGetValue(out float f)) { value = f; return true; }
        if (v.TryGetValue(out ulong ul)) { value = ul; return true; }
        if (v.TryGetValue(out uint ui)) { value = ui; return true; }
        if (v.TryGetValue(out short s)) { value = s; return true; }
        if (v.TryGetValue(out byte b)) { value = b; return true; }
        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Exact decimal value of a number when it fits (used so 1 and 1.0 compare equal without float noise).</summary>
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.TryGetDecimal(out value);
        }

        if (v.TryGetValue(out long l)) { value = l; return true; }
        if (v.TryGetValue(out int i)) { value = i; return true; }
        if (v.TryGetValue(out decimal m)) { value = m; return true; }
        return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as written in JSON (e.g. <c>1.0</c>, <c>1e3</c>), used to tell integers from floats like Java does.</summary>
    public static string RawNumberText(JsonNode node)
    {
        if (node is JsonValue value && value.TryGetValue(out JsonElement element))
        {
            return element.GetRawText();
        }

        return node.ToJsonString();
    }

    /// <summary>True when the number's JSON text is an integer literal (no fraction or exponent).</summary>
    public static bool IsIntegerLiteral(JsonNode node)
    {
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            return element.TryGetInt64(out _) || element.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0;
        }

        if (value.TryGetValue(out long _) || value.TryGetValue(out int _) || value.TryGetValue(out short _)
            || value.TryGetValue(out byte _) || value.TryGetValue(out ulong _) || value.TryGetValue(out uint _))
        {
            return true;
        }

        if (value.TryGetValue(out decimal number))
        {
            return number.Scale == 0;
        }

        return false;
    }

    public static int CompareNumbers(JsonNode left, JsonNode right)
    {
        if (TryGetDecimal(left, out var l) && TryGetDecimal(right, out var r))
        {
            return l.CompareTo(r);
        }

        TryGetDouble(left, out var ld);
        TryGetDouble(right, out var rd);
        return ld.CompareTo(rd);
    }

    /// <summary>Structural equality; numbers compare by value, object member order is irrelevant.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        var leftKind = KindOf(left);
        var rightKind = KindOf(right);
        if (leftKind != rightKind)
        {
            return false;
        }

        switch (leftKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return CompareNumbers(left!, right!) == 0;
            case JsonValueKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Array:
            {
                var la = (JsonArray)left!;
                var ra = (JsonArray)right!;
                if (la.Count != ra.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], ra[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonValueKind.Object:
            {
                var lo = (JsonObject)left!;
                var ro = (JsonObject)right!;
                if (lo.Count != ro.Count)
                {
                    return false;
                }

                foreach (var (key, value) in lo)
                {
                    if (!ro.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                return false;
        }
    }

    /// <summary>Compact JSON text as Step Functions prints it (JsonToString, error causes).</summary>
    public static string ToCompactJson(JsonNode? node) => CompactJsonWriter.Write(node);

    /// <summary>
    /// Copy for insertion into a new document (a node can have only one parent). Values read from parsed JSON are
    /// copied as plain .NET values (string, long, decimal, bool), which is much cheaper than cloning the underlying
    /// JsonElement and makes later reads of the copy cheap too; numbers keep their literal form (1.0 stays 1.0).
    /// </summary>
    public static JsonNode? Clone(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
            {
                // Indexed rather than foreach: JsonObject's enumerator is boxed on every enumeration.
                var copy = new JsonObject();
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, value) = obj.GetAt(i);
                    copy.Add(key, Clone(value));
                }

                return copy;
            }

            case JsonArray array:
            {
                var copy = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    copy.Add(Clone(array[i]));
                }

                return copy;
            }

            case JsonValue value when value.TryGetValue(out JsonElement element):
                return CloneElementValue(element);
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode? CloneElementValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString()!);
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    return JsonValue.Create(integer);
                }

                if (element.GetRawText().AsSpan().IndexOfAny('e', 'E') < 0 && element.TryGetDecimal(out var number))
                {
                    return JsonValue.Create(number);
                }

                return JsonValue.Create(element.Clone());
            default:
                return JsonNode.Parse(element.GetRawText());
        }
    }
}
