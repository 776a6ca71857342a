using System.Collections.Concurrent;
using System.Text.Json;

namespace Workflow.Local.StepFunctions.Mocks;

/// <summary>
/// Remembers which mock test case each execution runs (chosen by <c>stateMachineArn#TestCase</c> at StartExecution),
/// in a JSON-lines file under the data directory so resumed executions keep their mocks after a restart.
/// Also counts invocations per execution and state, which select the mocked response.
/// </summary>
public sealed class MockTestCaseRegistry
{
    private readonly ConcurrentDictionary<string, string> testCases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Execution, string State), int> invocations = new();
    private readonly Lock fileGate = new();
    private string? filePath;

    /// <summary>Opens (and replays) the registry file; call once before executions resume.</summary>
    public void Open(string dataDirectory)
    {
        filePath = Path.Combine(dataDirectory, "stepfunctions-mock-test-cases.jsonl");
        if (!File.Exists(filePath))
        {
            return;
        }

        foreach (var line in File.ReadLines(filePath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var executionArn = document.RootElement.GetProperty("executionArn").GetString();
                var testCase = document.RootElement.GetProperty("testCase").GetString();
                if (executionArn is not null && testCase is not null)
                {
                    testCases[executionArn] = testCase;
                }
            }
            catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // A line torn by a crash mid-write is the only way to get here; the executions before it are intact.
            }
        }
    }

    public void Assign(string executionArn, string testCase)
    {
        if (!testCases.TryAdd(executionArn, testCase) || filePath is null)
        {
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("executionArn", executionArn);
            writer.WriteString("testCase", testCase);
            writer.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
        lock (fileGate)
        {
            File.AppendAllText(filePath, line);
        }
    }

    public string? TestCaseOf(string executionArn) => testCases.GetValueOrDefault(executionArn);

    /// <summary>The zero-based number of this call of <paramref name="stateName"/> in the execution (retries included).</summary>
    public int NextInvocation(string executionArn, string stateName) =>
        invocations.AddOrUpdate((executionArn, stateName), 0, (_, count) => count + 1);
}
