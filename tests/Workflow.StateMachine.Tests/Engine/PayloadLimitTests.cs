using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Tests.Support;

namespace Workflow.StateMachine.Tests.Engine;

/// <summary>The 256 KiB payload quota applies to every state's output, not only to task results.</summary>
public sealed class PayloadLimitTests
{
    private static readonly string LargeInput = new JsonObject { ["s"] = new string('x', 150_000) }.ToJsonString();

    [Test]
    public async Task PassState_WithParametersOutputOverQuota_FailsWithDataLimitExceeded()
    {
        await using var fixture = new EngineFixture();
        var result = await fixture.RunAsync(
            """{"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s"},"End":true}}}""",
            LargeInput);

        Assert.That(result.Status, Is.EqualTo(ExecutionStatus.Failed));
        Assert.That(result.Error, Is.EqualTo("States.DataLimitExceeded"));
        Assert.That(result.Cause, Is.EqualTo("The state/task 'Double' returned a result with a size exceeding the maximum number of bytes service limit."));
        var history = fixture.Engine.GetExecutionHistory(result.ExecutionArn);
        Assert.That(history.Any(e => e.Type == "PassStateExited"), Is.False);
    }

    [Test]
    public async Task ParallelState_WithResultOverQuota_FailsWithDataLimitExceededThatCatchCanHandle()
    {
        await using var fixture = new EngineFixture();
        var result = await fixture.RunAsync(
            """
            {"StartAt":"Both","States":{
              "Both":{"Type":"Parallel","Next":"Done","Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],
                "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handled"}]},
              "Handled":{"Type":"Pass","End":true},
              "Done":{"Type":"Succeed"}}}
            """,
            LargeInput);

        Assert.That(result.Status, Is.EqualTo(ExecutionStatus.Succeeded));
        var output = JsonNode.Parse(result.Output!)!;
        Assert.That(output["Error"]!.GetValue<string>(), Is.EqualTo("States.DataLimitExceeded"));
        Assert.That(output["Cause"]!.GetValue<string>(), Is.EqualTo("The state/task 'Both' returned a result with a size exceeding the maximum number of bytes service limit."));
    }

    [Test]
    public async Task PassState_WithOutputUnderQuota_Succeeds()
    {
        await using var fixture = new EngineFixture();
        var result = await fixture.RunAsync(
            """{"StartAt":"Copy","States":{"Copy":{"Type":"Pass","Parameters":{"a.$":"$.s"},"End":true}}}""",
            LargeInput);

        Assert.That(result.Status, Is.EqualTo(ExecutionStatus.Succeeded));
    }
}
