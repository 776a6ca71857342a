using Workflow.Local.StepFunctions;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.History;

namespace Workflow.Local.Tests.StepFunctions;

public sealed class ExecutionStateNamesTests
{
    private const string Arn = "arn:aws:states:us-east-1:123456789012:execution:m:e";

    /// <summary>The execution's recorded history; NUnit shares one fixture instance, so each test starts it afresh.</summary>
    private List<HistoryEvent> history = [];

    [SetUp]
    public void StartWithAnEmptyHistory() => history = [];

    [Test]
    public void TaskEvent_OutsideParallel_IsNamedAfterTheStateEnteredLast()
    {
        var names = new ExecutionStateNames(_ => history);

        var resolved = Record(names, ("ExecutionStarted", null, 0), ("TaskStateEntered", "Price", 1), ("TaskScheduled", null, 2));

        Assert.That(resolved, Is.EqualTo(new[] { "", "Price", "Price" }));
    }

    [Test]
    public void TaskEvents_InInterleavedParallelBranches_AreNamedAfterTheirOwnState()
    {
        var names = new ExecutionStateNames(_ => history);

        var resolved = Record(names,
            ("ExecutionStarted", null, 0),
            ("ParallelStateEntered", "Checks", 1),
            ("ParallelStateStarted", null, 2),
            ("TaskStateEntered", "Budget", 3),
            ("TaskStateEntered", "Policy", 3),
            ("TaskScheduled", null, 4),
            ("TaskScheduled", null, 5),
            ("TaskSucceeded", null, 6),
            ("ParallelStateSucceeded", null, 3));

        Assert.That(resolved[5..], Is.EqualTo(new[] { "Budget", "Policy", "Budget", "Checks" }));
    }

    [Test]
    public void TaskEvent_AfterTheParallelExited_IsNamedAfterTheStateEnteredLast()
    {
        var names = new ExecutionStateNames(_ => throw new AssertionException("no history walk outside Parallel or Map"));

        var resolved = Record(names,
            ("ExecutionStarted", null, 0),
            ("ParallelStateEntered", "Checks", 1),
            ("ParallelStateExited", "Checks", 2),
            ("TaskStateEntered", "Finalize", 3),
            ("TaskScheduled", null, 4));

        Assert.That(resolved[^1], Is.EqualTo("Finalize"));
    }

    [Test]
    public void TrackFirstSeenMidExecution_LearnsTheOpenParallelFromTheRecordedHistory()
    {
        var before = new ExecutionStateNames(_ => history);
        Record(before,
            ("ExecutionStarted", null, 0),
            ("ParallelStateEntered", "Checks", 1),
            ("TaskStateEntered", "Budget", 2),
            ("TaskStateEntered", "Policy", 2));
        var restarted = new ExecutionStateNames(_ => history);

        var resolved = Record(restarted, ("TaskScheduled", null, 3));

        Assert.That(resolved, Is.EqualTo(new[] { "Budget" }));
    }

    [Test]
    public void HistoryNotReadable_LeavesTheStateEmpty()
    {
        var names = new ExecutionStateNames(_ => throw new StepFunctionsApiException("ExecutionDoesNotExist", "registering"));

        var resolved = Record(names, ("ParallelStateEntered", "Checks", 0), ("ParallelStateStarted", null, 1));

        Assert.That(resolved, Is.EqualTo(new[] { "Checks", "" }));
    }

    /// <summary>Appends each event (type, state name, previous event id) to the history and resolves its notice.</summary>
    private string[] Record(ExecutionStateNames names, params (string Type, string? Name, long Previous)[] events)
    {
        var resolved = new List<string>();
        foreach (var (type, name, previous) in events)
        {
            var recorded = new HistoryEvent { Id = history.Count + 1, PreviousEventId = previous, Type = type, Name = name };
            history.Add(recorded);
            resolved.Add(names.Resolve(new ExecutionEventNotice(Arn, type, name, recorded.Id)));
        }

        return [.. resolved];
    }
}
