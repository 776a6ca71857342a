using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;

namespace Workflow.StateMachine.Runtime;

/// <summary>
/// Task tokens of <c>.waitForTaskToken</c> tasks that are waiting for SendTaskSuccess/Failure/Heartbeat.
/// Completed or timed-out tokens are remembered so a late call gets AWS's <c>TaskTimedOut</c> rather than <c>InvalidToken</c>.
/// </summary>
internal sealed class TaskTokenRegistry
{
    private readonly ConcurrentDictionary<string, PendingToken> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> closed = new(StringComparer.Ordinal);

    /// <summary>Registers a waiting token; <paramref name="now"/> opens its first heartbeat window.</summary>
    public PendingToken Register(string token, string executionArn, DateTimeOffset now)
    {
        return pending.GetOrAdd(token, static (t, state) => new PendingToken(t, state.executionArn, state.now), (executionArn, now));
    }

    public void Close(string token)
    {
        if (pending.TryRemove(token, out _))
        {
            closed[token] = 0;
        }
    }

    public void CloseAll(string executionArn)
    {
        foreach (var (token, entry) in pending)
        {
            if (entry.ExecutionArn == executionArn)
            {
                Close(token);
                entry.Outcome.TrySetCanceled();
            }
        }
    }

    public PendingToken Find(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidToken, "Invalid Task Token.");
        }

        if (pending.TryGetValue(token, out var entry))
        {
            return entry;
        }

        if (closed.ContainsKey(token))
        {
            throw new StepFunctionsApiException(ApiErrorCodes.TaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'");
        }

        if (!TaskTokens.LooksValid(token))
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidToken, "Invalid Task Token.");
        }

        throw new StepFunctionsApiException(ApiErrorCodes.TaskDoesNotExist, "Task does not exist.");
    }
}

/// <summary>One waiting task: completed with the output JSON or a failure, and kept alive by heartbeats.</summary>
internal sealed class PendingToken(string token, string executionArn, DateTimeOffset registered)
{
    public string Token { get; } = token;

    public string ExecutionArn { get; } = executionArn;

    public TaskCompletionSource<TokenOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long lastBeatTicks = registered.UtcTicks;

    /// <summary>When the current heartbeat window opened: registration, or the latest SendTaskHeartbeat.</summary>
    public DateTimeOffset LastBeat => new(Interlocked.Read(ref lastBeatTicks), TimeSpan.Zero);

    public event Action? Heartbeat;

    public void Beat(DateTimeOffset at)
    {
        Interlocked.Exchange(ref lastBeatTicks, at.UtcTicks);
        Heartbeat?.Invoke();
    }
}

internal readonly record struct TokenOutcome(bool Succeeded, JsonNode? Output, string? Error, string? Cause);

/// <summary>Task tokens are opaque; ours carry a recognisable prefix so malformed ones can be told apart.</summary>
internal static class TaskTokens
{
    private const string Prefix = "AQ";

    public static string New() => Prefix + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool LooksValid(string token) => token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length >= 40;
}
