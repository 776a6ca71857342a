using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Runtime;

/// <summary>
/// Workflow variables of one scope (the execution, a Parallel branch or a Map iteration). Inner scopes read the
/// variables of enclosing scopes as they were when the branch or iteration started; their own assignments stay local.
/// A scope is only written by the single flow that owns it, so no locking is needed.
/// </summary>
internal sealed class VariableScope(VariableScope? parent) : IVariableLookup
{
    private Dictionary<string, JsonNode?>? values;

    public VariableScope? Parent { get; } = parent;

    public IReadOnlyDictionary<string, JsonNode?>? OwnValues => values;

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.values is not null && scope.values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every visible variable; inner scopes hide outer ones of the same name.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> All()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.values is null)
            {
                continue;
            }

            foreach (var pair in scope.values)
            {
                if (seen.Add(pair.Key))
                {
                    yield return pair;
                }
            }
        }
    }

    public void Set(string name, JsonNode? value)
    {
        values ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        values[name] = value;
    }
}
