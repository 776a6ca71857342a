namespace Workflow.Jsonata;

/// <summary>A JSON object: members keep their insertion order, as in JavaScript.</summary>
public sealed class JsonataObject : OrderedDictionary<string, object?>
{
    public JsonataObject()
        : base(StringComparer.Ordinal)
    {
    }

    public JsonataObject(int capacity)
        : base(capacity, StringComparer.Ordinal)
    {
    }
}
