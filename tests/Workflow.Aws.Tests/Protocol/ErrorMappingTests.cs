using System.Net;

namespace Workflow.Aws.Tests.Protocol;

public sealed class ErrorMappingTests
{
    [TestCase("TaskDoesNotExist", typeof(TaskDoesNotExistException))]
    [TestCase("InvalidToken", typeof(InvalidTokenException))]
    [TestCase("TaskTimedOut", typeof(TaskTimedOutException))]
    [TestCase("ExecutionDoesNotExist", typeof(ExecutionDoesNotExistException))]
    [TestCase("ExecutionAlreadyExists", typeof(ExecutionAlreadyExistsException))]
    [TestCase("StateMachineDoesNotExist", typeof(StateMachineDoesNotExistException))]
    [TestCase("InvalidArn", typeof(InvalidArnException))]
    [TestCase("InvalidExecutionInput", typeof(InvalidExecutionInputException))]
    [TestCase("InvalidOutput", typeof(InvalidOutputException))]
    [TestCase("ValidationException", typeof(ValidationException))]
    [TestCase("ResourceNotFoundException", typeof(ResourceNotFoundException))]
    [TestCase("AccessDeniedException", typeof(AccessDeniedException))]
    [TestCase("UnrecognizedClientException", typeof(AccessDeniedException))]
    [TestCase("ThrottlingException", typeof(ThrottlingException))]
    [TestCase("TooManyRequestsException", typeof(ThrottlingException))]
    [TestCase("ProvisionedThroughputExceededException", typeof(ThrottlingException))]
    [TestCase("SomethingNew", typeof(AwsServiceException))]
    public void Map_BodyType_GivesTypedException(string code, Type expected)
    {
        var error = AwsErrorMapper.Map(HttpStatusCode.BadRequest, null, $$"""{"__type":"{{code}}","message":"m"}""", "r-1");

        Assert.That(error, Is.TypeOf(expected));
        Assert.That(error.ErrorCode, Is.EqualTo(code));
    }

    [Test]
    public void Map_CodeWithExceptionSuffix_MapsLikeTheBareCode()
    {
        var error = AwsErrorMapper.Map(HttpStatusCode.BadRequest, null, """{"__type":"TaskDoesNotExistException"}""", null);

        Assert.That(error, Is.TypeOf<TaskDoesNotExistException>());
    }

    [Test]
    public void Map_NamespacedTypeAndCapitalMessage_AreNormalized()
    {
        var error = AwsErrorMapper.Map(
            HttpStatusCode.BadRequest,
            null,
            """{"__type":"com.amazonaws.swf.base.model#InvalidToken","Message":"Invalid Length"}""",
            "req-1");

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf<InvalidTokenException>());
            Assert.That(error.ErrorCode, Is.EqualTo("InvalidToken"));
            Assert.That(error.Message, Is.EqualTo("Invalid Length"));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.RequestId, Is.EqualTo("req-1"));
        });
    }

    [Test]
    public void Map_ErrorTypeHeader_WinsOverBodyAndLosesItsSuffix()
    {
        var error = AwsErrorMapper.Map(
            HttpStatusCode.BadRequest,
            "ExecutionDoesNotExist:http://internal.amazon.com/coral/com.amazonaws.swf/",
            """{"__type":"SomethingElse","message":"no such execution"}""",
            null);

        Assert.That(error, Is.TypeOf<ExecutionDoesNotExistException>());
        Assert.That(error.Message, Is.EqualTo("no such execution"));
    }

    [Test]
    public void Map_NonJsonServerError_KeepsBodyAsMessageAndIsRetryable()
    {
        var error = AwsErrorMapper.Map(HttpStatusCode.BadGateway, null, "<html>bad gateway</html>", null);

        Assert.Multiple(() =>
        {
            Assert.That(error.GetType(), Is.EqualTo(typeof(AwsServiceException)));
            Assert.That(error.ErrorCode, Is.EqualTo("Http502"));
            Assert.That(error.Message, Is.EqualTo("<html>bad gateway</html>"));
            Assert.That(error.IsRetryable, Is.True);
        });
    }

    [Test]
    public void Map_EmptyTooManyRequests_IsThrottling()
    {
        var error = AwsErrorMapper.Map(HttpStatusCode.TooManyRequests, null, "", null);

        Assert.That(error, Is.TypeOf<ThrottlingException>());
        Assert.That(error.IsRetryable, Is.True);
    }

    [Test]
    public void Map_ClientError_IsNotRetryable()
    {
        var error = AwsErrorMapper.Map(HttpStatusCode.BadRequest, null, """{"__type":"ValidationException","message":"bad"}""", null);

        Assert.That(error.IsRetryable, Is.False);
    }

    [TestCase("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/", "FooError")]
    [TestCase("FooError", "FooError")]
    [TestCase("  ns#FooError  ", "FooError")]
    [TestCase("", null)]
    public void NormalizeCode_StripsNamespaceAndSuffix(string raw, string? expected)
    {
        Assert.That(AwsErrorMapper.NormalizeCode(raw), Is.EqualTo(expected));
    }
}
