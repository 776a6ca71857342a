using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>Combines a state's input and result according to <c>ResultPath</c>.</summary>
public static class ResultPathApplier
{
    /// <summary>
    /// <c>ResultPath: null</c> (<paramref name="resultPathIsNull"/>) keeps the input; an absent ResultPath or
    /// <c>$</c> makes the result the output; a reference path such as <c>$.a.b</c> writes the result into a copy
    /// of the input, creating missing objects on the way. Writing through a value that is not an object (or an
    /// index outside an array) throws <c>States.ResultPathMatchFailure</c>. The result is inserted as is when it
    /// has no parent and is not the input itself, otherwise it is copied.
    /// </summary>
    public static JsonNode? Apply(JsonNode? stateInput, string? resultPath, bool resultPathIsNull, JsonNode? result)
    {
        if (resultPathIsNull)
        {
            return stateInput;
        }

        if (resultPath is null or "$")
        {
            return result;
        }

        if (!IsValidResultPath(resultPath, out var problem))
        {
            throw new ArgumentException(problem, nameof(resultPath));
        }

        var path = JsonPathExpression.Parse(resultPath);

        var segments = path.Segments;
        if (segments.Length == 0)
        {
            return result;
        }

        var output = JsonValues.Clone(stateInput);
        var insert = result is null || (result.Parent is null && !ReferenceEquals(result, stateInput)) ? result : JsonValues.Clone(result);
        var current = output;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (segments[i])
            {
                case PropertySegment property when current is JsonObject obj:
                    if (last)
                    {
                        obj[property.Name] = insert;
                        return output;
                    }

                    if (!obj.TryGetPropertyValue(property.Name, out var child) || child is null)
                    {
                        child = new JsonObject();
                        obj[property.Name] = child;
                    }

                    current = child;
                    break;
                case IndexSegment index when current is JsonArray array:
                {
                    var position = index.Index < 0 ? array.Count + index.Index : index.Index;
                    if (position < 0 || position >= array.Count)
                    {
                        throw MatchFailure(resultPath, stateInput);
                    }

                    if (last)
                    {
                        array[position] = insert;
                        return output;
                    }

                    current = array[position];
                    break;
                }

                default:
                    throw MatchFailure(resultPath, stateInput);
            }
        }

        return output;
    }

    /// <summary>
    /// Definition-time check: a ResultPath must be a reference path into the state input (<c>$</c>, <c>$.a.b</c>,
    /// <c>$.list[0]</c>); <c>$$</c>, variables, wildcards, filters and slices are rejected.
    /// </summary>
    public static bool IsValidResultPath(string text, out string? problem)
    {
        if (!JsonPathExpression.TryParse(text, out var path, out var syntax))
        {
            problem = syntax;
            return false;
        }

        problem = path.Root != PathRoot.Input
            ? $"ResultPath must refer to the state input ('$...'), not '{text}'."
            : !path.IsReferencePath
                ? $"ResultPath must be a reference path (names and indexes only), but was '{text}'."
                : null;
        return problem is null;
    }

    /// <summary>AWS: <c>Unable to apply ReferencePath $.a.b to input "text"</c> (the input as JSON).</summary>
    private static StatesException MatchFailure(string resultPath, JsonNode? input) =>
        new("States.ResultPathMatchFailure", $"Unable to apply ReferencePath {resultPath} to input {JsonValues.ToCompactJson(input)}");
}
