namespace Workflow.Jsonata;

/// <summary>Arithmetic, comparison, range and inclusion operators with JSONata's type errors.</summary>
internal static class Operators
{
    public static object? Numeric(object? lhs, object? rhs, string op)
    {
        if (lhs is not null && lhs is not double)
        {
            throw new JsonataException("T2001", $"The left side of the \"{op}\" operator must evaluate to a number", token: op, value: lhs);
        }

        if (rhs is not null && rhs is not double)
        {
            throw new JsonataException("T2002", $"The right side of the \"{op}\" operator must evaluate to a number", token: op, value: rhs);
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        Values.CheckFinite(l);
        Values.CheckFinite(r);
        return op switch
        {
            "+" => l + r,
            "-" => l - r,
            "*" => l * r,
            "/" => l / r,
            _ => l % r,
        };
    }

    public static object? Compare(object? lhs, object? rhs, string op)
    {
        var lComparable = lhs is null or string or double;
        var rComparable = rhs is null or string or double;
        if (!lComparable || !rComparable)
        {
            throw new JsonataException("T2010", $"The expressions either side of operator \"{op}\" must evaluate to numeric or string values", token: op, value: lhs is string or double ? rhs : lhs);
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        if (lhs.GetType() != rhs.GetType())
        {
            throw new JsonataException("T2009", $"The values {Values.Describe(lhs)} and {Values.Describe(rhs)} either side of operator \"{op}\" must be of the same data type", token: op, value: lhs);
        }

        var c = lhs is string s ? string.CompareOrdinal(s, (string)rhs) : ((double)lhs).CompareTo((double)rhs);
        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }

    public static object? Range(object? lhs, object? rhs)
    {
        var result = new Sequence { IsSequence = true };
        AppendRange(result, lhs, rhs);
        return result.Count == 0 ? null : result;
    }

    /// <summary>Adds the integers lhs..rhs to <paramref name="into"/>, with the range operator's checks.</summary>
    public static void AppendRange(Sequence into, object? lhs, object? rhs)
    {
        if (lhs is not null && (lhs is not double l || !double.IsInteger(l)))
        {
            throw new JsonataException("T2003", "The left side of the range operator (..) must evaluate to an integer", token: "..", value: lhs);
        }

        if (rhs is not null && (rhs is not double r || !double.IsInteger(r)))
        {
            throw new JsonataException("T2004", "The right side of the range operator (..) must evaluate to an integer", token: "..", value: rhs);
        }

        if (lhs is null || rhs is null)
        {
            return;
        }

        var from = (double)lhs;
        var to = (double)rhs;
        if (from > to)
        {
            return;
        }

        var size = to - from + 1;
        if (size > 1e7)
        {
            throw new JsonataException("D2014", $"The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {size}.", token: "..", value: size);
        }

        into.EnsureCapacity(into.Count + (int)size);
        for (var i = 0; i < (int)size; i++)
        {
            into.Add(from + i);
        }
    }

    public static bool Includes(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
        {
            return false;
        }

        var items = rhs as Sequence ?? Sequence.Of(rhs);
        foreach (var item in items)
        {
            // JavaScript's === : primitives by value, objects and arrays by identity.
            if (ReferenceEquals(item, lhs) || (item is double or string or bool && Equals(item, lhs)))
            {
                return true;
            }
        }

        return false;
    }
}
