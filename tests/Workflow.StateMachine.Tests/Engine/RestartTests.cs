using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Persistence;
using Workflow.StateMachine.Sqlite;
using Workflow.StateMachine.Tests.Support;

namespace Workflow.StateMachine.Tests.Engine;

public sealed class RestartTests
{
    private const string Definition = """
        {
          "StartAt": "Fan",
          "States": {
            "Fan": {
              "Type": "Parallel",
              "End": true,
              "Branches": [
                { "StartAt": "Approve", "States": { "Approve": {
                    "Type": "Task", "Resource": "arn:aws:states:::test:callback.waitForTaskToken",
                    "Parameters": { "token.$": "$$.Task.Token", "who": "branch" }, "End": true } } },
                { "StartAt": "Each", "States": { "Each": {
                    "Type": "Map", "ItemsPath": "$.items", "End": true,
                    "ItemProcessor": { "StartAt": "Ask", "States": { "Ask": {
                        "Type": "Task", "Resource": "arn:aws:states:::test:callback.waitForTaskToken",
                        "Parameters": { "token.$": "$$.Task.Token", "item.$": "$" }, "End": true } } } } } }
              ]
            }
          }
        }
        """;

    [Test]
    public async Task ResumeAsync_AfterRestartWithTokensPendingInParallelAndMap_CompletesWithOutputAndHistory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"asl-restart-{Guid.NewGuid():N}.db");
        try
        {
            await using var fixture = new EngineFixture(new SqliteExecutionStore(path));
            var machine = fixture.Engine.CreateStateMachine("approvals", Definition, "arn:aws:iam::123456789012:role/test");
            var started = await fixture.Engine.StartExecutionAsync(machine.Arn, "run-1", """{"items":[1,2]}""");
            var engineBefore = fixture.Engine;
            await EngineFixture.WaitUntilAsync(() => engineBefore.GetExecutionHistory(started.ExecutionArn).Count(e => e.Type == "TaskSubmitted") == 3);

            using var secondStore = new SqliteExecutionStore(path);
            await fixture.RestartAsync(secondStore);
            var resumed = await fixture.Engine.ResumeAsync();
            Assert.That(resumed, Is.EqualTo(1));

            var outputs = new[] { "\"A\"", "\"B\"", "\"C\"" };
            var tokens = fixture.Tokens.ToArray();
            Assert.That(tokens, Has.Length.EqualTo(3));
            for (var i = 0; i < tokens.Length; i++)
            {
                await fixture.Engine.SendTaskSuccessAsync(tokens[i], outputs[i]);
            }

            var result = await fixture.CompleteAsync(started.ExecutionArn);
            Assert.That(result.Status, Is.EqualTo(ExecutionStatus.Succeeded));
            var output = JsonNode.Parse(result.Output!)!.AsArray();
            Assert.That(output, Has.Count.EqualTo(2));
            Assert.That(output[1]!.AsArray(), Has.Count.EqualTo(2));
            var all = new[] { output[0]!.GetValue<string>(), output[1]![0]!.GetValue<string>(), output[1]![1]!.GetValue<string>() };
            Assert.That(all, Is.EquivalentTo(new[] { "A", "B", "C" }));

            var history = fixture.Engine.GetExecutionHistory(started.ExecutionArn);
            Assert.That(history.Select(e => e.Id), Is.EqualTo(Enumerable.Range(1, history.Count).Select(i => (long)i)));
            Assert.That(history.Count(e => e.Type == "ExecutionStarted"), Is.EqualTo(1));
            Assert.That(history.Count(e => e.Type == "TaskSucceeded"), Is.EqualTo(3));
            Assert.That(history.Count(e => e.Type == "MapIterationSucceeded"), Is.EqualTo(2));
            Assert.That(history[^1].Type, Is.EqualTo("ExecutionSucceeded"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Test]
    public async Task ResumeAsync_WithInMemoryStoreThatPersists_ContinuesAWaitingTask()
    {
        var store = new InMemoryExecutionStore(persistProgress: true);
        await using var fixture = new EngineFixture(store);
        var machine = fixture.Engine.CreateStateMachine("single", """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::test:callback.waitForTaskToken","Parameters":{"t.$":"$$.Task.Token"},"Next":"Done"},"Done":{"Type":"Pass","Result":"done","End":true}}}
            """, "arn:aws:iam::123456789012:role/test");
        var started = await fixture.Engine.StartExecutionAsync(machine.Arn, null, "{}");
        await EngineFixture.WaitUntilAsync(() => !fixture.Tokens.IsEmpty);
        var engineBefore = fixture.Engine;
        await EngineFixture.WaitUntilAsync(() => engineBefore.GetExecutionHistory(started.ExecutionArn).Any(e => e.Type == "TaskSubmitted"));

        await fixture.RestartAsync(store);
        Assert.That(await fixture.Engine.ResumeAsync(), Is.EqualTo(1));
        fixture.Tokens.TryDequeue(out var token);
        await fixture.Engine.SendTaskSuccessAsync(token!, "{}");

        var result = await fixture.CompleteAsync(started.ExecutionArn);
        Assert.That(result.Output, Is.EqualTo("\"done\""));
    }
}
