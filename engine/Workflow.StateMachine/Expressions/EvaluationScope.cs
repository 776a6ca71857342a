using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>
/// What a path, payload template, intrinsic function or Choice rule may read: <c>$</c> (the current input),
/// <c>$$</c> (the context object) and <c>$name</c> (workflow variables visible in the current scope).
/// Values are read, never modified: evaluators return clones or fresh nodes when they build new documents.
/// </summary>
public readonly record struct EvaluationScope(JsonNode? Input, JsonNode? Context, IVariableLookup? Variables);

/// <summary>Workflow variables visible to a state, including those of enclosing Parallel/Map scopes.</summary>
public interface IVariableLookup
{
    bool TryGet(string name, out JsonNode? value);
}
