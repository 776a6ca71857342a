using System.Net;
using Workflow.Aws.Tests.Support;

namespace Workflow.Aws.Tests.StepFunctions;

public sealed class StepFunctionsClientTests
{
    private static (StepFunctionsClient Client, CapturingHandler Handler) Create(string answer = "{}")
    {
        var handler = new CapturingHandler().RespondOk(answer);
        return (new StepFunctionsClient(TestClients.Options(handler)), handler);
    }

    [Test]
    public async Task SendTaskSuccess_PostsJson10WithStepFunctionsTargetToRegionalEndpoint()
    {
        var (client, handler) = Create();

        await client.SendTaskSuccessAsync("token-1", """{"approved":true}""");

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo(new Uri("https://states.eu-west-1.amazonaws.com/")));
            Assert.That(request.Header("X-Amz-Target"), Is.EqualTo("AWSStepFunctions.SendTaskSuccess"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo("application/x-amz-json-1.0"));
            JsonAssert.AreEquivalent(request.BodyText, """{"taskToken":"token-1","output":"{\"approved\":true}"}""");
        });
    }

    [Test]
    public async Task SendTaskFailure_OmitsAbsentCause()
    {
        var (client, handler) = Create();

        await client.SendTaskFailureAsync("token-2", "ApprovalRejected", null);

        Assert.That(handler.Requests.Single().BodyText, Is.EqualTo("""{"taskToken":"token-2","error":"ApprovalRejected"}"""));
        Assert.That(handler.Requests[0].Header("X-Amz-Target"), Is.EqualTo("AWSStepFunctions.SendTaskFailure"));
    }

    [Test]
    public async Task SendTaskHeartbeat_SendsOnlyTheToken()
    {
        var (client, handler) = Create();

        await client.SendTaskHeartbeatAsync("token-3");

        Assert.That(handler.Requests.Single().BodyText, Is.EqualTo("""{"taskToken":"token-3"}"""));
    }

    [Test]
    public async Task StopExecution_SendsErrorAndCauseAndReadsStopDate()
    {
        var (client, handler) = Create("""{"stopDate":1767225600.5}""");

        var result = await client.StopExecutionAsync("arn:aws:states:eu-west-1:123456789012:execution:sm:exec-1", "JobCancelled", "by client");

        Assert.That(result.StopDate, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1767225600500)));
        Assert.That(
            handler.Requests.Single().BodyText,
            Is.EqualTo("""{"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:sm:exec-1","error":"JobCancelled","cause":"by client"}"""));
    }

    [Test]
    public async Task StartExecution_SendsNameAndInputAndReadsArnAndStartDate()
    {
        var (client, handler) = Create("""{"executionArn":"arn:aws:states:eu-west-1:1:execution:sm:job-1","startDate":1767225600.123}""");

        var result = await client.StartExecutionAsync("arn:aws:states:eu-west-1:1:stateMachine:sm", "job-1", """{"jobId":"1"}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExecutionArn, Is.EqualTo("arn:aws:states:eu-west-1:1:execution:sm:job-1"));
            Assert.That(result.StartDate, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1767225600123)));
            JsonAssert.AreEquivalent(
                handler.Requests.Single().BodyText,
                """{"stateMachineArn":"arn:aws:states:eu-west-1:1:stateMachine:sm","name":"job-1","input":"{\"jobId\":\"1\"}"}""");
        });
    }

    [Test]
    public async Task StartExecution_WithoutName_OmitsName()
    {
        var (client, handler) = Create("""{"executionArn":"arn","startDate":1}""");

        await client.StartExecutionAsync("arn:sm", null, "{}");

        Assert.That(handler.Requests.Single().BodyText, Is.EqualTo("""{"stateMachineArn":"arn:sm","input":"{}"}"""));
    }

    [Test]
    public async Task DescribeExecution_ReadsStatusOutputAndOptionalStopDate()
    {
        var (client, _) = Create("""
            {"executionArn":"arn:e","stateMachineArn":"arn:sm","name":"e","status":"FAILED","startDate":1700000000,
             "stopDate":1700000001.25,"input":"{}","error":"States.TaskFailed","cause":"boom","redriveCount":0}
            """);

        var result = await client.DescribeExecutionAsync("arn:e");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("FAILED"));
            Assert.That(result.Error, Is.EqualTo("States.TaskFailed"));
            Assert.That(result.Cause, Is.EqualTo("boom"));
            Assert.That(result.Output, Is.Null);
            Assert.That(result.StopDate, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1700000001250)));
            Assert.That(result.StartDate, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
        });
    }

    [Test]
    public async Task DescribeExecution_OfRunningExecution_HasNoStopDate()
    {
        var (client, _) = Create("""{"executionArn":"arn:e","stateMachineArn":"arn:sm","status":"RUNNING","startDate":1700000000}""");

        var result = await client.DescribeExecutionAsync("arn:e");

        Assert.That(result.StopDate, Is.Null);
    }

    [Test]
    public void SendTaskSuccess_WithEmptyToken_IsRejectedBeforeAnyCall()
    {
        var (client, handler) = Create();

        Assert.ThrowsAsync<ArgumentException>(() => client.SendTaskSuccessAsync("", "{}"));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public void SendTaskSuccess_WhenTokenIsUnknown_ThrowsTaskDoesNotExist()
    {
        var handler = new CapturingHandler().RespondJson(
            HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.swf.base.model#TaskDoesNotExist","message":"Task Timed Out"}""",
            ("x-amzn-RequestId", "req-9"));
        var client = new StepFunctionsClient(TestClients.Options(handler));

        var error = Assert.ThrowsAsync<TaskDoesNotExistException>(() => client.SendTaskSuccessAsync("gone", "{}"));

        Assert.That(error!.ErrorCode, Is.EqualTo("TaskDoesNotExist"));
        Assert.That(error.RequestId, Is.EqualTo("req-9"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "a non-retryable error is not retried");
    }
}
