namespace Workflow.Local.Tests;

/// <summary>
/// How long a test waits for background work (an execution, a delivery, a schedule) before failing: generous because
/// CI runs on two loaded cores; a passing test returns as soon as the work is seen, so this only bounds a failure.
/// </summary>
internal static class WorkDeadline
{
    public static readonly TimeSpan Value = TimeSpan.FromSeconds(60);
}
