using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

/// <summary>Builds evaluation scopes from JSON text for the expression tests.</summary>
internal static class TestScopes
{
    public static EvaluationScope Input(string json) => new(JsonNode.Parse(json), null, null);

    public static EvaluationScope With(string input, string? context = null, Dictionary<string, string>? variables = null) =>
        new(
            JsonNode.Parse(input),
            context is null ? null : JsonNode.Parse(context),
            variables is null ? null : new Variables(variables.ToDictionary(kv => kv.Key, kv => JsonNode.Parse(kv.Value))));

    public static string Json(JsonNode? node) => JsonValues.ToCompactJson(node);

    private sealed class Variables(Dictionary<string, JsonNode?> values) : IVariableLookup
    {
        public bool TryGet(string name, out JsonNode? value) => values.TryGetValue(name, out value);
    }
}
