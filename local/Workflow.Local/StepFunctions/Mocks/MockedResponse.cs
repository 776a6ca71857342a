using System.Text.Json.Nodes;

namespace Workflow.Local.StepFunctions.Mocks;

/// <summary>
/// What a mocked Task state does on one invocation: return <see cref="Return"/> as the task result, or fail with
/// <see cref="Error"/>/<see cref="Cause"/> (the mock file's <c>Throw</c>).
/// </summary>
public sealed record MockedResponse(JsonNode? Return, string? Error, string? Cause)
{
    public bool IsThrow => Error is not null;
}

/// <summary>The responses of one entry of <c>MockedResponses</c>, by zero-based invocation index (<c>"0"</c>, <c>"1-2"</c>).</summary>
public sealed class MockedResponseSequence
{
    private readonly (int From, int To, MockedResponse Response)[] ranges;

    public MockedResponseSequence(string name, IEnumerable<(int From, int To, MockedResponse Response)> ranges)
    {
        Name = name;
        this.ranges = [.. ranges.OrderBy(r => r.From)];
    }

    public string Name { get; }

    /// <summary>
    /// The response for the <paramref name="invocation"/>-th call (retries count as calls). Past the last index the
    /// last response repeats, so a state retried more often than the file anticipated keeps its final behaviour.
    /// </summary>
    public MockedResponse ForInvocation(int invocation)
    {
        foreach (var (from, to, response) in ranges)
        {
            if (invocation >= from && invocation <= to)
            {
                return response;
            }
        }

        return ranges[^1].Response;
    }
}
