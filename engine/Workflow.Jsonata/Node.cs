namespace Workflow.Jsonata;

internal enum NodeType
{
    Path,
    Binary,
    Unary,
    Name,
    String,
    Number,
    Value,
    Wildcard,
    Descendant,
    Parent,
    Condition,
    Block,
    Bind,
    Regex,
    Function,
    Partial,
    Variable,
    Lambda,
    Apply,
    Transform,
    Sort,
    Operator,
    End,
}

/// <summary>Where a parent operator (<c>%</c>) finds its ancestor: a variable label bound by the step <c>Level</c> up.</summary>
internal sealed class AncestorSlot
{
    public required string Label { get; set; }

    public int Level { get; set; }

    public int Index { get; init; }
}

internal sealed record Stage(bool IsIndex, Node? Filter, string? IndexVariable, int Position);

internal sealed record SortTerm(bool Descending, Node Expression);

internal sealed record GroupSpec(List<(Node Key, Node Value)> Pairs, int Position);

/// <summary>
/// A node of the expression tree. The parser produces raw nodes; <see cref="AstProcessor"/> rewrites them into the
/// evaluated form (paths of steps with stages, tuple flags for focus/index/parent bindings).
/// </summary>
internal sealed class Node
{
    public Node(NodeType type, int position)
    {
        Type = type;
        Position = position;
    }

    public NodeType Type { get; set; }

    public int Position { get; set; }

    /// <summary>Operator symbol, name, or variable name.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Literal value of String/Number/Value/Regex nodes.</summary>
    public object? Literal { get; set; }

    public Node? Lhs { get; set; }

    public Node? Rhs { get; set; }

    public Node? Expression { get; set; }

    public List<Node>? Expressions { get; set; }

    public List<(Node Key, Node Value)>? Pairs { get; set; }

    public List<Node>? Arguments { get; set; }

    public Node? Procedure { get; set; }

    public Node? Body { get; set; }

    public Signature? Signature { get; set; }

    public bool Thunk { get; set; }

    public Node? Condition { get; set; }

    public Node? Then { get; set; }

    public Node? Else { get; set; }

    public Node? Pattern { get; set; }

    public Node? Update { get; set; }

    public Node? Delete { get; set; }

    public List<Node>? Steps { get; set; }

    public List<Stage>? Predicate { get; set; }

    public List<Stage>? Stages { get; set; }

    public GroupSpec? Group { get; set; }

    public List<SortTerm>? Terms { get; set; }

    public bool KeepArray { get; set; }

    public bool KeepSingletonArray { get; set; }

    public bool ConsArray { get; set; }

    public bool Tuple { get; set; }

    public string? Focus { get; set; }

    public string? Index { get; set; }

    public AncestorSlot? Ancestor { get; set; }

    public AncestorSlot? Slot { get; set; }

    public List<AncestorSlot>? SeekingParent { get; set; }

    public bool IsPlaceholder => Type == NodeType.Operator && Text == "?";
}
