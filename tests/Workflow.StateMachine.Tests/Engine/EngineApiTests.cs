using Workflow.StateMachine.Api;
using Workflow.StateMachine.History;
using Workflow.StateMachine.Tests.Support;

namespace Workflow.StateMachine.Tests.Engine;

public sealed class EngineApiTests
{
    private const string PassDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
    private const string Role = "arn:aws:iam::123456789012:role/test";

    [Test]
    public async Task CreateStateMachine_WithSameDefinition_IsIdempotentAndUsesAwsArn()
    {
        await using var fixture = new EngineFixture();
        var first = fixture.Engine.CreateStateMachine("orders", PassDefinition, Role);
        var second = fixture.Engine.CreateStateMachine("orders", PassDefinition, Role);
        Assert.That(second.Arn, Is.EqualTo(first.Arn));
        Assert.That(first.Arn, Is.EqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:orders"));
        Assert.That(fixture.Engine.ListStateMachines(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateStateMachine_WithOtherDefinitionUnderSameName_ThrowsStateMachineAlreadyExists()
    {
        await using var fixture = new EngineFixture();
        fixture.Engine.CreateStateMachine("orders", PassDefinition, Role);
        var error = Assert.Throws<StepFunctionsApiException>(() => fixture.Engine.CreateStateMachine("orders", """{"StartAt":"Q","States":{"Q":{"Type":"Succeed"}}}""", Role));
        Assert.That(error!.ErrorCode, Is.EqualTo(ApiErrorCodes.StateMachineAlreadyExists));
    }

    [Test]
    public async Task StartExecution_WithSameNameAndInput_ReturnsSameExecution()
    {
        await using var fixture = new EngineFixture();
        var machine = fixture.Engine.CreateStateMachine("m", PassDefinition, Role);
        var first = await fixture.Engine.StartExecutionAsync(machine.Arn, "run", """{"a":1}""");
        var second = await fixture.Engine.StartExecutionAsync(machine.Arn, "run", """{ "a" : 1 }""");
        Assert.That(second.ExecutionArn, Is.EqualTo(first.ExecutionArn));
        Assert.That(first.ExecutionArn, Is.EqualTo("arn:aws:states:us-east-1:123456789012:execution:m:run"));
    }

    [Test]
    public async Task StartExecution_WithSameNameAndOtherInput_ThrowsExecutionAlreadyExists()
    {
        await using var fixture = new EngineFixture();
        var machine = fixture.Engine.CreateStateMachine("m", PassDefinition, Role);
        await fixture.Engine.StartExecutionAsync(machine.Arn, "run", """{"a":1}""");
        var error = Assert.ThrowsAsync<StepFunctionsApiException>(async () => await fixture.Engine.StartExecutionAsync(machine.Arn, "run", """{"a":2}"""));
        Assert.That(error!.ErrorCode, Is.EqualTo(ApiErrorCodes.ExecutionAlreadyExists));
    }

    [Test]
    public async Task StartExecution_WithInvalidName_ThrowsInvalidName()
    {
        await using var fixture = new EngineFixture();
        var machine = fixture.Engine.CreateStateMachine("m", PassDefinition, Role);
        var error = Assert.ThrowsAsync<StepFunctionsApiException>(async () => await fixture.Engine.StartExecutionAsync(machine.Arn, "bad name", "{}"));
        Assert.That(error!.ErrorCode, Is.EqualTo(ApiErrorCodes.InvalidName));
    }

    [Test]
    public async Task DescribeExecution_OfUnknownArn_ThrowsExecutionDoesNotExist()
    {
        await using var fixture = new EngineFixture();
        var error = Assert.Throws<StepFunctionsApiException>(() => fixture.Engine.DescribeExecution("arn:aws:states:us-east-1:123456789012:execution:m:none"));
        Assert.That(error!.ErrorCode, Is.EqualTo(ApiErrorCodes.ExecutionDoesNotExist));
    }

    [Test]
    public async Task DescribeStateMachine_OfUnknownArn_ThrowsStateMachineDoesNotExist()
    {
        await using var fixture = new EngineFixture();
        var error = Assert.Throws<StepFunctionsApiException>(() => fixture.Engine.DescribeStateMachine("arn:aws:states:us-east-1:123456789012:stateMachine:none"));
        Assert.That(error!.ErrorCode, Is.EqualTo(ApiErrorCodes.StateMachineDoesNotExist));
    }

    [Test]
    public async Task StopExecution_WhileWaitingForToken_AbortsWithErrorAndCause()
    {
        await using var fixture = new EngineFixture();
        var machine = fixture.Engine.CreateStateMachine("m", """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::test:callback.waitForTaskToken","End":true}}}""", Role);
        var started = await fixture.Engine.StartExecutionAsync(machine.Arn, null, "{}");
        await EngineFixture.WaitUntilAsync(() => !fixture.Tokens.IsEmpty);

        var stopped = await fixture.Engine.StopExecutionAsync(started.ExecutionArn, "Cancelled", "by test");

        Assert.That(stopped.Status, Is.EqualTo(ExecutionStatus.Aborted));
        Assert.That(fixture.Engine.GetExecutionHistory(started.ExecutionArn)[^1].Type, Is.EqualTo("ExecutionAborted"));
        Assert.That(fixture.Engine.ListExecutions(machine.Arn, ExecutionStatus.Aborted), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendTaskSuccess_CompletesWaitingTaskWithOutput()
    {
        await using var fixture = new EngineFixture();
        var machine = fixture.Engine.CreateStateMachine("m", """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::test:callback.waitForTaskToken","Parameters":{"token.$":"$$.Task.Token"},"ResultPath":"$.answer","End":true}}}""", Role);
        var started = await fixture.Engine.StartExecutionAsync(machine.Arn, null, """{"q":1}""");
        await EngineFixture.WaitUntilAsync(() => !fixture.Tokens.IsEmpty);
        fixture.Tokens.TryDequeue(out var token);

        await fixture.Engine.SendTaskSuccessAsync(token!, """{"ok":true}""");
        var result = await fixture.CompleteAsync(started.ExecutionArn);

        Assert.That(result.Output, Is.EqualTo("""{"q":1,"answer":{"ok":true}}"""));
        var types = fixture.Engine.GetExecutionHistory(started.ExecutionArn).Select(e => e.Type);
        Assert.That(types, Is.EqualTo(new[] { "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded" }));
    }

    [Test]
    public async Task SendTaskFailure_FailsTheExecutionWithErrorAndCause()
    {
        await using var fixture = new EngineFixture();
        var machine = fixture.Engine.CreateStateMachine("m", """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::test:callback.waitForTaskToken","End":true}}}""", Role);
        var started = await fixture.Engine.StartExecutionAsync(machine.Arn, null, "{}");
        await EngineFixture.WaitUntilAsync(() => !fixture.Tokens.IsEmpty);
        fixture.Tokens.TryDequeue(out var token);

        await fixture.Engine.SendTaskFailureAsync(token!, "Rejected", "not approved");
        var result = await fixture.CompleteAsync(started.ExecutionArn);

        Assert.That((result.Status, result.Error, result.Cause), Is.EqualTo((ExecutionStatus.Failed, "Rejected", "not approved")));
    }

    [Test]
    public async Task SendTaskSuccess_WithUsedToken_ThrowsTaskTimedOut()
    {
        await using var fixture = new EngineFixture();
        var machine = fixture.Engine.CreateStateMachine("m", """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::test:callback.waitForTaskToken","End":true}}}""", Role);
        var started = await fixture.Engine.StartExecutionAsync(machine.Arn, null, "{}");
        await EngineFixture.WaitUntilAsync(() => !fixture.Tokens.IsEmpty);
        fixture.Tokens.TryDequeue(out var token);
        await fixture.Engine.SendTaskSuccessAsync(token!, "{}");
        await fixture.CompleteAsync(started.ExecutionArn);

        var error = Assert.ThrowsAsync<StepFunctionsApiException>(async () => await fixture.Engine.SendTaskSuccessAsync(token!, "{}"));
        Assert.That(error!.ErrorCode, Is.EqualTo(ApiErrorCodes.TaskTimedOut));
    }

    [TestCase("garbage", ApiErrorCodes.InvalidToken)]
    [TestCase("AQ000000000000000000000000000000000000000000000000", ApiErrorCodes.TaskDoesNotExist)]
    public async Task SendTaskHeartbeat_WithUnknownToken_ThrowsAwsError(string token, string code)
    {
        await using var fixture = new EngineFixture();
        var error = Assert.ThrowsAsync<StepFunctionsApiException>(async () => await fixture.Engine.SendTaskHeartbeatAsync(token));
        Assert.That(error!.ErrorCode, Is.EqualTo(code));
    }

    [Test]
    public async Task WaitForToken_WithoutHeartbeat_FailsWithHeartbeatTimeoutOnVirtualClock()
    {
        await using var fixture = new EngineFixture();
        var result = await fixture.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::test:callback.waitForTaskToken","HeartbeatSeconds":60,"TimeoutSeconds":3600,"End":true}}}""");
        Assert.That(result.Error, Is.EqualTo("States.HeartbeatTimeout"));
    }

    [Test]
    public async Task WaitForToken_HeartbeatTimeout_IsMeasuredFromLastHeartbeat()
    {
        await using var fixture = new EngineFixture(autoAdvanceClock: false);
        var machine = fixture.Engine.CreateStateMachine("m", """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::test:callback.waitForTaskToken","HeartbeatSeconds":60,"End":true}}}""", Role);
        var started = await fixture.Engine.StartExecutionAsync(machine.Arn, null, "{}");
        await EngineFixture.WaitUntilAsync(() => !fixture.Tokens.IsEmpty);
        var t0 = fixture.Clock.GetUtcNow();

        // A heartbeat 30 s in moves the heartbeat deadline to 90 s; a fixed 60 s window would end at 120 s.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        fixture.Tokens.TryPeek(out var token);
        await fixture.Engine.SendTaskHeartbeatAsync(token!);
        fixture.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That(fixture.Engine.DescribeExecution(started.ExecutionArn).Status, Is.EqualTo(ExecutionStatus.Running));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await EngineFixture.WaitUntilAsync(() => fixture.Engine.DescribeExecution(started.ExecutionArn).Status != ExecutionStatus.Running);

        var timedOut = fixture.Engine.GetExecutionHistory(started.ExecutionArn).Single(e => e.Type == "TaskTimedOut");
        Assert.That(timedOut.Error, Is.EqualTo("States.HeartbeatTimeout"));
        Assert.That(timedOut.Timestamp - t0, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public async Task Observer_SeesEveryHistoryEventWithStateNames()
    {
        var observer = new RecordingObserver();
        await using var fixture = new EngineFixture(observer: observer);
        var result = await fixture.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}""");
        Assert.That(result.Status, Is.EqualTo(ExecutionStatus.Succeeded));
        Assert.That(observer.Notices.Select(n => $"{n.EventType}:{n.StateName}"), Is.EqualTo(new[]
        {
            "ExecutionStarted:", "PassStateEntered:A", "PassStateExited:A", "SucceedStateEntered:B", "SucceedStateExited:B", "ExecutionSucceeded:",
        }));
    }

    [Test]
    public async Task GetExecutionHistory_Reversed_StartsWithClosingEvent()
    {
        await using var fixture = new EngineFixture();
        var result = await fixture.RunAsync(PassDefinition);
        IReadOnlyList<HistoryEvent> history = fixture.Engine.GetExecutionHistory(result.ExecutionArn, reverseOrder: true);
        Assert.That(history[0].Type, Is.EqualTo("ExecutionSucceeded"));
        Assert.That(history[^1].PreviousEventId, Is.Zero);
    }

    [Test]
    public async Task StateMachineTimeout_EndsExecutionAsTimedOut()
    {
        await using var fixture = new EngineFixture();
        var result = await fixture.RunAsync("""{"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
        Assert.That((result.Status, result.Error), Is.EqualTo((ExecutionStatus.TimedOut, "States.Timeout")));
    }

    private sealed class RecordingObserver : IExecutionObserver
    {
        public List<ExecutionEventNotice> Notices { get; } = [];

        public void OnEvent(in ExecutionEventNotice notice)
        {
            lock (Notices)
            {
                Notices.Add(notice);
            }
        }
    }
}
