using Workflow.Aws.Tests.Support;

namespace Workflow.Aws.Tests.Protocol;

public sealed class AwsJsonClientTests
{
    [Test]
    public async Task InvokeJson_SendsRawBodyForAnyOperationAndReturnsRawAnswer()
    {
        var handler = new CapturingHandler().RespondOk("""{"stateMachines":[]}""");
        var client = new AwsJsonClient(AwsServiceDescriptor.StepFunctions, TestClients.Options(handler));

        var answer = await client.InvokeJsonAsync("ListStateMachines", """{"maxResults":5}""");

        Assert.That(answer, Is.EqualTo("""{"stateMachines":[]}"""));
        Assert.That(handler.Requests.Single().Header("X-Amz-Target"), Is.EqualTo("AWSStepFunctions.ListStateMachines"));
        Assert.That(handler.Requests.Single().BodyText, Is.EqualTo("""{"maxResults":5}"""));
    }

    [Test]
    public async Task EmptySuccessBody_IsTreatedAsEmptyObject()
    {
        var handler = new CapturingHandler().RespondOk("");
        var client = new StepFunctionsClient(TestClients.Options(handler));

        await client.SendTaskSuccessAsync("token", "{}");

        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void SuccessBodyOfWrongShape_IsAProtocolErrorNamingTheOperation()
    {
        var handler = new CapturingHandler().RespondOk("""{"executionArn":42}""");
        var client = new StepFunctionsClient(TestClients.Options(handler));

        var error = Assert.ThrowsAsync<AwsProtocolException>(() => client.StartExecutionAsync("arn:sm", null, "{}"));

        Assert.That(error!.Message, Does.Contain("AWSStepFunctions.StartExecution"));
    }

    [Test]
    public void Cancellation_StopsWithoutRetrying()
    {
        var handler = new CapturingHandler().RespondOk();
        var client = new StepFunctionsClient(TestClients.Options(handler));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(async () => await client.SendTaskHeartbeatAsync("token", cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(handler.Requests, Is.Empty);
    }
}
