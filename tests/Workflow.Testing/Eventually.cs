using System.Diagnostics;

namespace Workflow.Testing;

/// <summary>Polls a condition until it holds, instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="condition"/> returns true.</summary>
    /// <exception cref="TimeoutException">The condition still did not hold after <paramref name="timeout"/>; the message quotes <paramref name="because"/>.</exception>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition().ConfigureAwait(false))
            {
                return;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"Condition not met within {timeout.TotalSeconds:0.###} s: {because}");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> returns true.</summary>
    public static Task Until(Func<bool> condition, TimeSpan timeout, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Until(() => Task.FromResult(condition()), timeout, because);
    }

    /// <summary>Waits until <paramref name="probe"/> returns a non-null value and returns it.</summary>
    public static async Task<T> Value<T>(Func<Task<T?>> probe, TimeSpan timeout, string because)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? value = null;
        await Until(async () => (value = await probe().ConfigureAwait(false)) is not null, timeout, because).ConfigureAwait(false);
        return value!;
    }
}
