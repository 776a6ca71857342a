namespace Workflow.StateMachine.Tasks;

/// <summary>
/// Maps resource ARNs to handlers. A pattern is an exact ARN, a prefix ending in <c>*</c>
/// (<c>arn:aws:lambda:us-east-1:123456789012:function:*</c>) or a pattern with <c>*</c> wildcards anywhere.
/// Exact matches win, then the longest matching pattern. Safe for concurrent reads after registration.
/// </summary>
public sealed class TaskHandlerRegistry
{
    private readonly Lock gate = new();
    private Dictionary<string, ITaskHandler> exact = new(StringComparer.Ordinal);
    private (string Pattern, ITaskHandler Handler)[] wildcards = [];

    public TaskHandlerRegistry Register(string resourcePattern, ITaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourcePattern);
        ArgumentNullException.ThrowIfNull(handler);
        lock (gate)
        {
            if (resourcePattern.Contains('*', StringComparison.Ordinal))
            {
                var list = wildcards.Where(w => w.Pattern != resourcePattern).Append((Pattern: resourcePattern, Handler: handler));
                wildcards = [.. list.OrderByDescending(w => w.Pattern.Length)];
            }
            else
            {
                exact = new Dictionary<string, ITaskHandler>(exact, StringComparer.Ordinal) { [resourcePattern] = handler };
            }
        }

        return this;
    }

    public TaskHandlerRegistry Register(string resourcePattern, Func<TaskInvocation, CancellationToken, ValueTask<System.Text.Json.Nodes.JsonNode?>> handler) =>
        Register(resourcePattern, new DelegateTaskHandler(handler));

    public bool TryResolve(string resource, out ITaskHandler? handler)
    {
        if (exact.TryGetValue(resource, out handler))
        {
            return true;
        }

        foreach (var (pattern, candidate) in wildcards)
        {
            if (WildcardMatch(pattern, resource))
            {
                handler = candidate;
                return true;
            }
        }

        handler = null;
        return false;
    }

    private static bool WildcardMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
