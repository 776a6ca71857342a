namespace Workflow.Jsonata;

/// <summary>
/// An array value. JSONata distinguishes arrays that came from the input or an array constructor from
/// "sequences" that the evaluator builds while navigating paths; sequences of one item collapse to the item and
/// are flattened into enclosing sequences. The flags carry that distinction.
/// </summary>
public sealed class Sequence : List<object?>
{
    public Sequence()
    {
    }

    public Sequence(int capacity)
        : base(capacity)
    {
    }

    public Sequence(IEnumerable<object?> items)
        : base(items)
    {
    }

    /// <summary>Built by the evaluator (path results), as opposed to an array in the data.</summary>
    public bool IsSequence { get; set; }

    /// <summary>A singleton sequence that must stay an array (the <c>[]</c> path suffix).</summary>
    public bool KeepSingleton { get; set; }

    /// <summary>Built by an array constructor; not flattened by path steps.</summary>
    public bool IsConstructed { get; set; }

    /// <summary>The whole input document, when it is an array, wrapped so it is one item.</summary>
    public bool OuterWrapper { get; set; }

    /// <summary>Items are <see cref="TupleBinding"/>s carrying focus, index and ancestor variables.</summary>
    public bool TupleStream { get; set; }

    public static Sequence Create() => new() { IsSequence = true };

    public static Sequence Of(object? item)
    {
        // As JSONata's createSequence(x): an undefined item is kept, so a path over no input still runs once.
        var s = Create();
        s.Add(item);
        return s;
    }
}

/// <summary>One item of a tuple stream: the context value under "@" plus the variables bound along the path.</summary>
internal sealed class TupleBinding : Dictionary<string, object?>
{
    public TupleBinding()
        : base(StringComparer.Ordinal)
    {
    }

    public TupleBinding(TupleBinding other)
        : base(other, StringComparer.Ordinal)
    {
    }

    public object? Context => TryGetValue("@", out var v) ? v : null;
}
