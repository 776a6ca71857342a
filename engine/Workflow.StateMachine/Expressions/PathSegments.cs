using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>One step of a compiled JSONPath; it hands every node it selects to <see cref="PathWalker.Continue"/>.</summary>
internal abstract class PathSegment
{
    /// <summary>Selects at most one node from one node (so the path can return a single value).</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>Jayway's normalised form of this step (<c>['name']</c>, <c>[0]</c>, <c>[*]</c>...), used in error causes.</summary>
    public abstract void AppendNormalized(StringBuilder builder);

    public abstract void Select(JsonNode? node, in PathWalker walker, int next);
}

/// <summary>Applies the remaining segments of a path to each selected node, collecting the leaves.</summary>
internal readonly struct PathWalker(PathSegment[] segments, List<JsonNode?> results, JsonNode? root)
{
    /// <summary>The document <c>$</c> refers to inside filters.</summary>
    public JsonNode? Root => root;

    public void Continue(JsonNode? node, int index)
    {
        if (index == segments.Length)
        {
            results.Add(node);
            return;
        }

        segments[index].Select(node, this, index + 1);
    }

    public bool IsLeaf(int next) => next == segments.Length;
}

internal sealed class PropertySegment(string[] names) : PathSegment
{
    public string[] Names { get; } = names;

    public string Name => Names[0];

    public bool IsSingle => Names.Length == 1;

    public override bool IsDefinite => IsSingle;

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < Names.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('\'').Append(Names[i]).Append('\'');
        }

        builder.Append(']');
    }

    public override void Select(JsonNode? node, in PathWalker walker, int next)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (!IsSingle && walker.IsLeaf(next))
        {
            walker.Continue(MergeProperties(obj), next);
            return;
        }

        foreach (var name in Names)
        {
            if (obj.TryGetPropertyValue(name, out var child))
            {
                walker.Continue(child, next);
            }
        }
    }

    /// <summary>Jayway answers <c>$['a','b']</c> at the end of a path with an object of the members present.</summary>
    public JsonObject MergeProperties(JsonObject obj)
    {
        var merged = new JsonObject();
        foreach (var name in Names)
        {
            if (obj.TryGetPropertyValue(name, out var child))
            {
                merged[name] = JsonValues.Clone(child);
            }
        }

        return merged;
    }
}

internal sealed class IndexSegment(int[] indexes) : PathSegment
{
    public int[] Indexes { get; } = indexes;

    public int Index => Indexes[0];

    public bool IsSingle => Indexes.Length == 1;

    public override bool IsDefinite => IsSingle;

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < Indexes.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Indexes[i]);
        }

        builder.Append(']');
    }

    public override void Select(JsonNode? node, in PathWalker walker, int next)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        foreach (var index in Indexes)
        {
            if (TryGetElement(array, index, out var element))
            {
                walker.Continue(element, next);
            }
        }
    }

    public static bool TryGetElement(JsonArray array, int index, out JsonNode? element)
    {
        var effective = index < 0 ? array.Count + index : index;
        if (effective >= 0 && effective < array.Count)
        {
            element = array[effective];
            return true;
        }

        element = null;
        return false;
    }
}

internal sealed class WildcardSegment : PathSegment
{
    public static readonly WildcardSegment Instance = new();

    public override bool IsDefinite => false;

    public override void AppendNormalized(StringBuilder builder) => builder.Append("[*]");

    public override void Select(JsonNode? node, in PathWalker walker, int next)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    walker.Continue(array[i], next);
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    walker.Continue(value, next);
                }

                break;
        }
    }
}

internal sealed class SliceSegment(int? start, int? end, int step) : PathSegment
{
    public override bool IsDefinite => false;

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        if (start is { } s)
        {
            builder.Append(s);
        }

        builder.Append(':');
        if (end is { } e)
        {
            builder.Append(e);
        }

        if (step != 1)
        {
            builder.Append(':').Append(step);
        }

        builder.Append(']');
    }

    public override void Select(JsonNode? node, in PathWalker walker, int next)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        var count = array.Count;
        var from = Normalize(start ?? 0, count);
        var to = Normalize(end ?? count, count);
        for (var i = from; i < to; i += step)
        {
            walker.Continue(array[i], next);
        }
    }

    private static int Normalize(int index, int count) => index < 0 ? Math.Max(0, count + index) : Math.Min(index, count);
}

/// <summary><c>..</c>: the rest of the path is applied to the node and to every descendant, in document order.</summary>
internal sealed class DeepScanSegment : PathSegment
{
    public static readonly DeepScanSegment Instance = new();

    public override bool IsDefinite => false;

    public override void AppendNormalized(StringBuilder builder) => builder.Append("..");

    public override void Select(JsonNode? node, in PathWalker walker, int next)
    {
        walker.Continue(node, next);
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Select(array[i], walker, next);
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Select(value, walker, next);
                }

                break;
        }
    }
}

internal sealed class FilterSegment(FilterExpression filter, string text) : PathSegment
{
    public override bool IsDefinite => false;

    public override void AppendNormalized(StringBuilder builder) => builder.Append("[?").Append(text).Append(']');

    public override void Select(JsonNode? node, in PathWalker walker, int next)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (filter.Matches(array[i], walker.Root))
                    {
                        walker.Continue(array[i], next);
                    }
                }

                break;
            case JsonObject obj:
                if (filter.Matches(obj, walker.Root))
                {
                    walker.Continue(obj, next);
                }

                break;
        }
    }
}
