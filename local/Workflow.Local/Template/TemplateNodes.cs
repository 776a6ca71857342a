namespace Workflow.Local.Template;

/// <summary>
/// The template as a tree that remembers the line of every node. Short-form tags (<c>!Ref</c>, <c>!Sub</c>...) are
/// already rewritten to their long form (<c>{"Ref": ...}</c>, <c>{"Fn::Sub": ...}</c>), so the evaluator sees one form.
/// </summary>
internal abstract record TemplateNode(int Line);

/// <summary>A scalar; <see cref="Plain"/> is false for quoted scalars, which are always strings.</summary>
internal sealed record ScalarNode(string? Value, bool Plain, int Line) : TemplateNode(Line);

internal sealed record SequenceNode(IReadOnlyList<TemplateNode> Items, int Line) : TemplateNode(Line);

internal sealed record MappingNode(IReadOnlyList<KeyValuePair<string, TemplateNode>> Entries, int Line, int[] KeyLines)
    : TemplateNode(Line)
{
    public TemplateNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public int LineOf(string key)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Key == key)
            {
                return KeyLines[i];
            }
        }

        return Line;
    }

    /// <summary>A one-key mapping whose key is <c>Ref</c>, <c>Condition</c> or <c>Fn::*</c>: an intrinsic function call.</summary>
    public bool IsIntrinsic =>
        Entries.Count == 1 && (Entries[0].Key is "Ref" or "Condition" || Entries[0].Key.StartsWith("Fn::", StringComparison.Ordinal));
}
