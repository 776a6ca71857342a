using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.History;
using Workflow.StateMachine.Tasks;
using Workflow.StateMachine.Tests.Support;

namespace Workflow.StateMachine.Tests.Conformance;

/// <summary>Runs one conformance case on a fresh engine with a virtual clock and lists every difference from the recording.</summary>
internal static class CaseRunner
{
    private static readonly HashSet<string> HistoryFields = ["input", "output", "error", "cause", "index", "length", "resource", "resourceType", "parameters", "assignedVariables"];

    public static async Task<List<string>> RunAsync(string path)
    {
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(path).ConfigureAwait(false))!.AsObject();
        var meta = doc["meta"]!.AsObject();
        var problems = new List<string>();
        using var clock = new VirtualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handlers = new TaskHandlerRegistry();
        new MockLambdas(doc["lambdas"] as JsonObject).Register(handlers);
        await using var engine = new StateMachineEngine(new StateMachineEngineOptions
        {
            TimeProvider = clock,
            Handlers = handlers,
            AccountId = "111111111111",
            Region = "us-east-1",
            Random = new Random(7),
        });

        var type = meta["stateMachineType"]?.GetValue<string>() == "EXPRESS" ? StateMachineType.Express : StateMachineType.Standard;
        var machineName = meta["stateMachineName"]?.GetValue<string>() ?? "conformance";
        var executionName = meta["executionName"]?.GetValue<string>();
        var roleArn = meta["roleArn"]?.GetValue<string>() ?? "arn:aws:iam::111111111111:role/conformance";
        var machine = engine.CreateStateMachine(machineName, doc["definition"]!.ToJsonString(), roleArn, type);
        var started = await engine.StartExecutionAsync(machine.Arn, executionName, doc["input"]?.ToJsonString() ?? "null").ConfigureAwait(false);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await engine.WaitForCompletionAsync(started.ExecutionArn, deadline.Token).ConfigureAwait(false);

        var normalizer = new Normalizer(doc["normalize"] as JsonObject);
        var skippedPaths = new HashSet<string>(StringComparer.Ordinal);
        var skipCause = false;
        var skipError = false;
        foreach (var field in (doc["normalizedFields"] as JsonArray)?.Select(f => f!.GetValue<string>()) ?? [])
        {
            if (field == "cause" || field.StartsWith("cause", StringComparison.Ordinal))
            {
                skipCause = true;
            }
            else if (field == "error")
            {
                skipError = true;
            }
            else
            {
                skippedPaths.Add(field);
            }
        }

        var skippedMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var replacement in (doc["normalize"]?["jsonPathReplacements"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var p = replacement["path"]!.GetValue<string>();
            skippedMembers.Add(p[(p.LastIndexOfAny(['.', '$']) + 1)..]);
        }

        var matcher = new JsonMatcher(skippedPaths, skippedMembers);
        var expected = doc["expected"]!.AsObject();
        var expectedStatus = expected["status"]!.GetValue<string>();
        if (result.Status.ToApiName() != expectedStatus)
        {
            problems.Add($"status: expected {expectedStatus}, got {result.Status.ToApiName()} (error {result.Error}, cause {result.Cause})");
        }
        else if (expectedStatus == "SUCCEEDED")
        {
            matcher.Compare(expected["output"], normalizer.Apply(Parse(result.Output)), "$", problems);
        }
        else
        {
            if (!skipError)
            {
                var expectedError = expected["error"]?.GetValue<string>();
                var actualError = result.Error is null ? null : normalizer.String(result.Error);
                if (expectedError != actualError)
                {
                    problems.Add($"error: expected {expectedError ?? "null"}, got {actualError ?? "null"}");
                }
            }

            if (!skipCause)
            {
                var actualCause = result.Cause is null ? null : normalizer.String(result.Cause);
                CompareCause(expected["cause"], actualCause, "cause", problems);
            }
        }

        if (doc["history"] is JsonArray expectedHistory && type == StateMachineType.Standard)
        {
            CompareHistory(expectedHistory, engine.GetExecutionHistory(started.ExecutionArn), normalizer, matcher, meta["historyOrder"] is not null, problems);
        }

        return problems;
    }

    private static void CompareCause(JsonNode? expected, string? actual, string label, List<string> problems)
    {
        if (expected is null)
        {
            if (actual is not null)
            {
                problems.Add($"{label}: expected null, got {actual}");
            }

            return;
        }

        if (actual is null)
        {
            problems.Add($"{label}: expected {JsonMatcher.Show(expected)}, got null");
            return;
        }

        if (expected is JsonObject)
        {
            var local = new List<string>();
            new JsonMatcher([], []).Compare(expected, JsonValue.Create(actual), label, local);
            problems.AddRange(local);
            return;
        }

        if (!JsonMatcher.StringsMatch(expected.GetValue<string>(), actual))
        {
            problems.Add($"{label}: expected {expected.GetValue<string>()}, got {actual}");
        }
    }

    private static void CompareHistory(JsonArray expected, IReadOnlyList<HistoryEvent> actualEvents, Normalizer normalizer, JsonMatcher matcher, bool parallelNormalized, List<string> problems)
    {
        var actual = actualEvents.Select(e => Reduce(e, normalizer)).ToList();
        var wanted = expected.Select(e => e!.AsObject()).ToList();
        if (parallelNormalized)
        {
            actual = actual.Where(e => e["type"]!.GetValue<string>() != "ParallelStateSucceeded").ToList();
            wanted = wanted.Where(e => e["type"]!.GetValue<string>() != "ParallelStateSucceeded").ToList();
            actual = SortParallelSegments(actual);
            wanted = SortParallelSegments(wanted);
        }

        var count = Math.Min(actual.Count, wanted.Count);
        for (var i = 0; i < count; i++)
        {
            var e = wanted[i];
            var a = actual[i];
            var label = $"history[{i}]";
            if (e["type"]!.GetValue<string>() != a["type"]!.GetValue<string>() || (e["name"]?.GetValue<string>() is { } name && name != a["name"]?.GetValue<string>()))
            {
                problems.Add($"{label}: expected {e["type"]} {e["name"]}, got {a["type"]} {a["name"]}");
                return;
            }

            foreach (var (key, value) in e)
            {
                if (!HistoryFields.Contains(key))
                {
                    continue;
                }

                if (!a.TryGetPropertyValue(key, out var actualValue))
                {
                    problems.Add($"{label}.{key}: missing in {a["type"]} (expected {JsonMatcher.Show(value)})");
                    continue;
                }

                if (key == "cause" && actualValue is JsonValue cv && cv.TryGetValue(out string? causeText))
                {
                    CompareCause(value, causeText, $"{label}.cause", problems);
                    continue;
                }

                // Payloads use the output paths of normalizedFields ("$.x"), which the recorder applied to history too.
                var local = new List<string>();
                matcher.Compare(value, actualValue, key is "input" or "output" ? "$" : $"{label}.{key}", local);
                problems.AddRange(local.Select(p => $"{label}.{key}: {p}"));
            }
        }

        if (actual.Count != wanted.Count)
        {
            problems.Add($"history: expected {wanted.Count} events, got {actual.Count}: actual types {string.Join(",", actual.Skip(count).Take(5).Select(a => a["type"]))} / expected {string.Join(",", wanted.Skip(count).Take(5).Select(a => a["type"]))}");
        }
    }

    private static List<JsonObject> SortParallelSegments(List<JsonObject> events)
    {
        var result = new List<JsonObject>();
        var i = 0;
        while (i < events.Count)
        {
            result.Add(events[i]);
            if (events[i]["type"]!.GetValue<string>() == "ParallelStateStarted")
            {
                var end = events.FindIndex(i + 1, e => e["type"]!.GetValue<string>() == "ParallelStateExited");
                if (end < 0)
                {
                    end = events.Count;
                }

                result.AddRange(events.Skip(i + 1).Take(end - i - 1).OrderBy(e => e.ToJsonString(), StringComparer.Ordinal));
                i = end;
                continue;
            }

            i++;
        }

        return result;
    }

    private static JsonObject Reduce(HistoryEvent e, Normalizer normalizer)
    {
        var o = new JsonObject { ["type"] = e.Type };
        if (e.Name is not null)
        {
            o["name"] = e.Name;
        }

        if (e.Input is not null)
        {
            o["input"] = normalizer.Apply(Parse(e.Input));
        }

        if (e.Output is not null)
        {
            o["output"] = normalizer.Apply(Parse(e.Output));
        }

        if (e.Error is not null)
        {
            o["error"] = normalizer.String(e.Error);
        }

        if (e.Cause is not null)
        {
            o["cause"] = normalizer.String(e.Cause);
        }

        if (e.Index is not null)
        {
            o["index"] = e.Index;
        }

        if (e.Length is not null)
        {
            o["length"] = e.Length;
        }

        if (e.Resource is not null)
        {
            o["resource"] = normalizer.String(e.Resource);
        }

        if (e.ResourceType is not null)
        {
            o["resourceType"] = e.ResourceType;
        }

        if (e.Parameters is not null)
        {
            o["parameters"] = normalizer.Apply(Parse(e.Parameters));
        }

        if (e.AssignedVariables is not null)
        {
            var vars = new JsonObject();
            foreach (var (name, value) in e.AssignedVariables)
            {
                vars[name] = normalizer.String(value);
            }

            o["assignedVariables"] = vars;
        }

        return o;
    }

    private static JsonNode? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
