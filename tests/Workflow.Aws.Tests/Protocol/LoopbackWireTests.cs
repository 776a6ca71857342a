using Amazon.Runtime;
using Workflow.Aws.Tests.Support;

namespace Workflow.Aws.Tests.Protocol;

/// <summary>The client against a real socket: what arrives on the wire must carry a signature a server can verify.</summary>
public sealed class LoopbackWireTests
{
    private static StepFunctionsClient ClientOf(LoopbackHttpServer server, HttpClient http) => new(new AwsClientOptions
    {
        Endpoint = server.Endpoint,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey),
        TimeProvider = new RecordingTimeProvider(TestClients.FixedNow),
        HttpClient = http,
    });

    [Test]
    public async Task SignatureOnTheWire_VerifiesAgainstTheHostHeaderWithPort()
    {
        await using var server = new LoopbackHttpServer(_ => (200, """{"executionArn":"arn:e","startDate":1767225600}"""));
        using var http = new HttpClient();
        var client = ClientOf(server, http);

        var result = await client.StartExecutionAsync("arn:sm", "run-1", """{"amount":"12.50 €"}""");

        var request = server.Requests.Single();
        var (credential, signedHeaders, signature) = ReferenceSigV4.ParseAuthorization(request.Headers["Authorization"]);
        var expected = ReferenceSigV4.Signature(
            request.Method, request.Path, request.Headers, signedHeaders, request.Body, TestClients.FixedNow.UtcDateTime, "us-east-1", "states", TestClients.SecretKey);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExecutionArn, Is.EqualTo("arn:e"));
            Assert.That(request.Headers["Host"], Is.EqualTo($"127.0.0.1:{server.Endpoint.Port}"));
            Assert.That(request.Headers["Content-Type"], Is.EqualTo("application/x-amz-json-1.0"));
            Assert.That(request.Headers["X-Amz-Target"], Is.EqualTo("AWSStepFunctions.StartExecution"));
            Assert.That(credential, Is.EqualTo("AKIDEXAMPLE/20260304/us-east-1/states/aws4_request"));
            Assert.That(signature, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task ErrorOnTheWire_IsMappedWithRequestId()
    {
        await using var server = new LoopbackHttpServer(_ => (400, """{"__type":"com.amazonaws.swf.base.model#InvalidToken","message":"Invalid token"}"""));
        using var http = new HttpClient();
        var client = ClientOf(server, http);

        var error = Assert.ThrowsAsync<InvalidTokenException>(() => client.SendTaskSuccessAsync("bad", "{}"));

        Assert.That(error!.RequestId, Is.EqualTo("loopback-1"));
        Assert.That(error.Message, Is.EqualTo("Invalid token"));
    }
}
