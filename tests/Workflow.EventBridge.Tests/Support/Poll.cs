using System.Diagnostics;

namespace Workflow.EventBridge.Tests.Support;

public static class Poll
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Polls until the condition holds, running <paramref name="step"/> between checks; fails after 10 s.</summary>
    public static async Task UntilAsync(Func<bool> condition, Action? step = null, string? what = null)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Timeout)
            {
                Assert.Fail("Timed out waiting for " + (what ?? "condition"));
            }
            step?.Invoke();
            await Task.Delay(5);
        }
    }
}
