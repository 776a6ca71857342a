using Amazon.Runtime;
using Workflow.Aws.Tests.Support;

namespace Workflow.Aws.Tests.Protocol;

public sealed class SigningTests
{
    [Test]
    public async Task Request_IsSignedWithCredentialScopeForRegionAndService()
    {
        var handler = new CapturingHandler().RespondOk();
        var client = new StepFunctionsClient(TestClients.Options(handler));

        await client.SendTaskHeartbeatAsync("token");

        var request = handler.Requests.Single();
        var (credential, signedHeaders, signature) = ReferenceSigV4.ParseAuthorization(request.Header("Authorization"));
        Assert.Multiple(() =>
        {
            Assert.That(credential, Is.EqualTo("AKIDEXAMPLE/20260304/eu-west-1/states/aws4_request"));
            Assert.That(signedHeaders, Is.SupersetOf(new[] { "content-type", "host", "x-amz-date", "x-amz-target" }));
            Assert.That(request.Header("X-Amz-Date"), Is.EqualTo("20260304T050607Z"));
            Assert.That(signature, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public async Task Signature_MatchesIndependentSigV4Computation()
    {
        var handler = new CapturingHandler().RespondOk();
        var client = new StepFunctionsClient(TestClients.Options(handler));

        await client.SendTaskSuccessAsync("token-é", """{"total":12.5}""");

        var request = handler.Requests.Single();
        var (_, signedHeaders, signature) = ReferenceSigV4.ParseAuthorization(request.Header("Authorization"));
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["host"] = request.Uri.Host };
        var expected = ReferenceSigV4.Signature(
            "POST", "/", headers, signedHeaders, request.Body, TestClients.FixedNow.UtcDateTime, TestClients.Region, "states", TestClients.SecretKey);

        Assert.That(signature, Is.EqualTo(expected));
    }

    [Test]
    public async Task EventBridgeSignature_UsesEventsSigningName()
    {
        var handler = new CapturingHandler().RespondOk("""{"FailedEntryCount":0,"Entries":[{"EventId":"1"}]}""");
        var client = new EventBridgeClient(TestClients.Options(handler));

        await client.PutEventsAsync([new EventEntry("s", "t", "{}")]);

        var request = handler.Requests.Single();
        var (credential, signedHeaders, signature) = ReferenceSigV4.ParseAuthorization(request.Header("Authorization"));
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["host"] = request.Uri.Host };
        var expected = ReferenceSigV4.Signature(
            "POST", "/", headers, signedHeaders, request.Body, TestClients.FixedNow.UtcDateTime, TestClients.Region, "events", TestClients.SecretKey);
        Assert.That(credential, Does.EndWith("/eu-west-1/events/aws4_request"));
        Assert.That(signature, Is.EqualTo(expected));
    }

    [Test]
    public async Task SessionCredentials_SendAndSignTheSecurityToken()
    {
        var handler = new CapturingHandler().RespondOk();
        var credentials = new SessionAWSCredentials(TestClients.AccessKey, TestClients.SecretKey, "session-token-1");
        var client = new StepFunctionsClient(TestClients.Options(handler, credentials: credentials));

        await client.SendTaskHeartbeatAsync("token");

        var request = handler.Requests.Single();
        var (_, signedHeaders, _) = ReferenceSigV4.ParseAuthorization(request.Header("Authorization"));
        Assert.That(request.Header("X-Amz-Security-Token"), Is.EqualTo("session-token-1"));
        Assert.That(signedHeaders, Does.Contain("x-amz-security-token"));
    }

    [Test]
    public void ReferenceImplementation_ReproducesPublishedAwsExample()
    {
        // The worked example from the AWS SigV4 documentation (IAM ListUsers, 2015-08-30, us-east-1), which pins the
        // reference implementation itself to AWS's own numbers.
        var headers = new Dictionary<string, string>
        {
            ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["host"] = "iam.amazonaws.com",
            ["x-amz-date"] = "20150830T123600Z",
        };

        var signature = ReferenceSigV4.Signature(
            "GET",
            "/",
            headers,
            ["content-type", "host", "x-amz-date"],
            [],
            new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc),
            "us-east-1",
            "iam",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "Action=ListUsers&Version=2010-05-08");

        Assert.That(signature, Is.EqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"));
    }

    [Test]
    public async Task Signature_EqualsBotocoreVectorForTheSameRequest()
    {
        // Vector computed once with botocore's SigV4Auth (the AWS CLI's signer) for POST https://states.us-east-1.amazonaws.com/
        // with body {}, the same three headers and 2024-01-02T03:04:05Z: a third, unrelated implementation agrees.
        var handler = new CapturingHandler().RespondOk();
        var options = TestClients.Options(handler, new RecordingTimeProvider(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))) with { Region = "us-east-1" };
        var client = new AwsJsonClient(AwsServiceDescriptor.StepFunctions, options);

        await client.InvokeJsonAsync("SendTaskHeartbeat", "{}");

        Assert.That(
            handler.Requests.Single().Header("Authorization"),
            Is.EqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/states/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, "
                + "Signature=8b3fbea0f1e6d6710f2d192b25c0ee5caa50a7d34b330999a84e0afe43005265"));
    }
}
