namespace Workflow.Jsonata;

/// <summary>A scope of variable bindings; lookups fall through to the enclosing scope.</summary>
internal sealed class Frame
{
    private readonly Dictionary<string, object?> _bindings = new(StringComparer.Ordinal);
    private readonly Frame? _parent;

    public Frame(Frame? parent) => _parent = parent;

    public void Bind(string name, object? value) => _bindings[name] = value;

    /// <summary>The bound value, or null (undefined); a name bound to undefined in an inner scope hides outer ones.</summary>
    public object? Lookup(string name)
    {
        for (var frame = this; frame is not null; frame = frame._parent)
        {
            if (frame._bindings.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
