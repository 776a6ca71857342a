namespace Workflow.Aws.Tests.Protocol;

public sealed class EndpointResolutionTests
{
    private static AwsEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return new AwsEnvironment(name => map.GetValueOrDefault(name));
    }

    [Test]
    public void NoOverride_UsesRegionalEndpoint()
    {
        var environment = Environment();

        Assert.That(environment.ResolveEndpoint(AwsServiceDescriptor.StepFunctions, "eu-central-1"), Is.EqualTo(new Uri("https://states.eu-central-1.amazonaws.com/")));
        Assert.That(environment.ResolveEndpoint(AwsServiceDescriptor.EventBridge, "us-east-2"), Is.EqualTo(new Uri("https://events.us-east-2.amazonaws.com/")));
    }

    [Test]
    public void ChinaRegion_UsesChinaDomain()
    {
        Assert.That(Environment().ResolveEndpoint(AwsServiceDescriptor.StepFunctions, "cn-north-1"), Is.EqualTo(new Uri("https://states.cn-north-1.amazonaws.com.cn/")));
    }

    [Test]
    public void GlobalOverride_WinsOverRegionalEndpoint()
    {
        var environment = Environment(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        Assert.That(environment.ResolveEndpoint(AwsServiceDescriptor.EventBridge, "us-east-1"), Is.EqualTo(new Uri("http://127.0.0.1:4566/")));
    }

    [Test]
    public void ServiceSpecificOverride_WinsOverGlobalOverride()
    {
        var environment = Environment(
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:8083"),
            ("AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:8084"));

        Assert.That(environment.ResolveEndpoint(AwsServiceDescriptor.StepFunctions, "us-east-1"), Is.EqualTo(new Uri("http://127.0.0.1:8083/")));
        Assert.That(environment.ResolveEndpoint(AwsServiceDescriptor.EventBridge, "us-east-1"), Is.EqualTo(new Uri("http://127.0.0.1:8084/")));
    }

    [Test]
    public void ServiceSpecificOverride_OfOtherService_IsIgnored()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:8084"));

        Assert.That(environment.ResolveEndpoint(AwsServiceDescriptor.StepFunctions, "us-east-1"), Is.EqualTo(new Uri("https://states.us-east-1.amazonaws.com/")));
    }

    [Test]
    public void IgnoreConfiguredEndpoints_SkipsOverrides()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:8083"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.That(environment.ResolveEndpoint(AwsServiceDescriptor.StepFunctions, "us-east-1"), Is.EqualTo(new Uri("https://states.us-east-1.amazonaws.com/")));
    }

    [Test]
    public void MalformedOverride_IsReportedWithTheVariableName()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_SFN", "localhost:8083"));

        var error = Assert.Throws<InvalidOperationException>(() => environment.ResolveEndpoint(AwsServiceDescriptor.StepFunctions, "us-east-1"));

        Assert.That(error!.Message, Does.Contain("AWS_ENDPOINT_URL_SFN"));
    }

    [Test]
    public void Region_PrefersAwsRegionOverDefaultRegion()
    {
        Assert.That(Environment(("AWS_REGION", "eu-west-3"), ("AWS_DEFAULT_REGION", "us-west-2")).Region, Is.EqualTo("eu-west-3"));
        Assert.That(Environment(("AWS_DEFAULT_REGION", "us-west-2")).Region, Is.EqualTo("us-west-2"));
    }

    [Test]
    public void MissingRegion_IsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StepFunctionsClient(new AwsClientOptions { Environment = Environment() }));

        Assert.That(error!.Message, Does.Contain("AWS_REGION"));
    }

    [Test]
    public void Client_UsesEnvironmentOverride()
    {
        var client = new StepFunctionsClient(new AwsClientOptions
        {
            Environment = Environment(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:8083")),
        });

        Assert.That(client.Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:8083/")));
    }
}
