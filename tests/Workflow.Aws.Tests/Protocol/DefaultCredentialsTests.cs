using Workflow.Aws.Tests.Support;

namespace Workflow.Aws.Tests.Protocol;

[NonParallelizable]
public sealed class DefaultCredentialsTests
{
    [Test]
    public async Task WithoutExplicitCredentials_SignsWithTheSdkDefaultChain()
    {
        // Credentials resolved from the default chain are cached for the process, so this is the only test that uses them.
        using var environment = new EnvironmentScope()
            .Set("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT")
            .Set("AWS_SECRET_ACCESS_KEY", "secret-from-environment")
            .Set("AWS_SESSION_TOKEN", "token-from-environment");
        var handler = new CapturingHandler().RespondOk();
        var client = new StepFunctionsClient(TestClients.Options(handler) with { Credentials = null });

        await client.SendTaskHeartbeatAsync("token");

        var request = handler.Requests.Single();
        var (credential, _, _) = ReferenceSigV4.ParseAuthorization(request.Header("Authorization"));
        Assert.That(credential, Does.StartWith("AKIDFROMENVIRONMENT/"));
        Assert.That(request.Header("X-Amz-Security-Token"), Is.EqualTo("token-from-environment"));
    }
}
