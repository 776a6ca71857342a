using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Local.StepFunctions.Mocks;

/// <summary>
/// Reads AWS's documented mock configuration format:
/// <c>{"StateMachines": {name: {"TestCases": {case: {state: responseName}}}}, "MockedResponses": {responseName: {"0": {"Return": ...}, "1-2": {"Throw": {"Error", "Cause"}}}}}</c>.
/// </summary>
public static class MockConfigurationParser
{
    public static MockConfiguration Parse(string json, string source, string? defaultTestCase)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new MockConfigurationException($"{source}: line {error.LineNumber + 1}: invalid JSON: {error.Message}");
        }

        if (root is not JsonObject rootObject)
        {
            throw Fail(source, "$", "must be a JSON object with StateMachines and MockedResponses");
        }

        var responses = ParseResponses(source, rootObject["MockedResponses"]);
        var stateMachines = new Dictionary<string, Dictionary<string, Dictionary<string, MockedResponseSequence>>>(StringComparer.Ordinal);
        if (rootObject["StateMachines"] is { } machinesNode)
        {
            if (machinesNode is not JsonObject machines)
            {
                throw Fail(source, "StateMachines", "must be an object");
            }

            foreach (var (machineName, machineNode) in machines)
            {
                var path = $"StateMachines.{machineName}";
                if (machineNode is not JsonObject machine || machine["TestCases"] is not JsonObject testCases)
                {
                    throw Fail(source, path, "must be an object with a TestCases object");
                }

                var cases = new Dictionary<string, Dictionary<string, MockedResponseSequence>>(StringComparer.Ordinal);
                foreach (var (caseName, caseNode) in testCases)
                {
                    if (caseNode is not JsonObject states)
                    {
                        throw Fail(source, $"{path}.TestCases.{caseName}", "must map state names to mocked response names");
                    }

                    var mocked = new Dictionary<string, MockedResponseSequence>(StringComparer.Ordinal);
                    foreach (var (stateName, responseNameNode) in states)
                    {
                        var memberPath = $"{path}.TestCases.{caseName}.{stateName}";
                        if (responseNameNode is not JsonValue value || !value.TryGetValue<string>(out var responseName))
                        {
                            throw Fail(source, memberPath, "must be the name of an entry of MockedResponses");
                        }

                        if (!responses.TryGetValue(responseName, out var sequence))
                        {
                            throw Fail(source, memberPath, $"names the mocked response '{responseName}', which MockedResponses does not define");
                        }

                        mocked[stateName] = sequence;
                    }

                    cases[caseName] = mocked;
                }

                stateMachines[machineName] = cases;
            }
        }

        if (defaultTestCase is not null && !stateMachines.Values.Any(cases => cases.ContainsKey(defaultTestCase)))
        {
            throw new MockConfigurationException($"{source}: no state machine defines the test case '{defaultTestCase}'");
        }

        return new MockConfiguration(stateMachines, defaultTestCase);
    }

    private static Dictionary<string, MockedResponseSequence> ParseResponses(string source, JsonNode? node)
    {
        var result = new Dictionary<string, MockedResponseSequence>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        if (node is not JsonObject responses)
        {
            throw Fail(source, "MockedResponses", "must be an object");
        }

        foreach (var (name, entryNode) in responses)
        {
            var path = $"MockedResponses.{name}";
            if (entryNode is not JsonObject entry || entry.Count == 0)
            {
                throw Fail(source, path, "must map invocation indexes (\"0\", \"1-2\") to a Return or Throw");
            }

            var ranges = new List<(int From, int To, MockedResponse Response)>();
            foreach (var (key, responseNode) in entry)
            {
                var (from, to) = ParseRange(source, $"{path}.{key}", key);
                if (ranges.Any(r => from <= r.To && r.From <= to))
                {
                    throw Fail(source, $"{path}.{key}", "overlaps another invocation range");
                }

                ranges.Add((from, to, ParseResponse(source, $"{path}.{key}", responseNode)));
            }

            var ordered = ranges.OrderBy(r => r.From).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var expected = i == 0 ? 0 : ordered[i - 1].To + 1;
                if (ordered[i].From != expected)
                {
                    throw Fail(source, path, $"invocation indexes must be consecutive from 0; {expected} is missing");
                }
            }

            result[name] = new MockedResponseSequence(name, ordered);
        }

        return result;
    }

    private static (int From, int To) ParseRange(string source, string path, string key)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        var fromText = dash < 0 ? key : key[..dash];
        var toText = dash < 0 ? key : key[(dash + 1)..];
        if (!int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || to < from)
        {
            throw Fail(source, path, "must be a zero-based invocation index (\"0\") or range (\"1-2\")");
        }

        return (from, to);
    }

    private static MockedResponse ParseResponse(string source, string path, JsonNode? node)
    {
        if (node is not JsonObject response || response.Count != 1 || (!response.ContainsKey("Return") && !response.ContainsKey("Throw")))
        {
            throw Fail(source, path, "must contain exactly one of Return or Throw");
        }

        if (response.TryGetPropertyValue("Return", out var returned))
        {
            return new MockedResponse(returned?.DeepClone(), null, null);
        }

        if (response["Throw"] is not JsonObject thrown
            || thrown["Error"] is not JsonValue errorValue
            || !errorValue.TryGetValue<string>(out var error))
        {
            throw Fail(source, $"{path}.Throw", "must be an object with a string Error (and optional Cause)");
        }

        string? cause = null;
        if (thrown["Cause"] is { } causeNode)
        {
            if (causeNode is not JsonValue causeValue || !causeValue.TryGetValue(out cause))
            {
                throw Fail(source, $"{path}.Throw.Cause", "must be a string");
            }
        }

        return new MockedResponse(null, error, cause ?? "");
    }

    private static MockConfigurationException Fail(string source, string path, string problem) =>
        new($"{source}: {path} {problem}");
}
