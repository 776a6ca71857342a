using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Local.Tests.Hosting;

namespace Workflow.Local.Tests.HttpApi;

/// <summary>HTTP requests to the fixture application's API, answered by its functions through the local runtime.</summary>
public sealed class HttpApiEndToEndTests
{
    [Test]
    public async Task Request_ReachesTheFunctionAsAPayload20Event()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);
        using var request = new HttpRequestMessage(HttpMethod.Get, "items/42?a=1&a=2&b=x%20y");
        request.Headers.Add("Cookie", "c1=v1; c2=v2");
        request.Headers.Add("X-Custom", "Value");

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var context = body["requestContext"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(body["version"]!.GetValue<string>(), Is.EqualTo("2.0"));
            Assert.That(body["routeKey"]!.GetValue<string>(), Is.EqualTo("GET /items/{id}"));
            Assert.That(body["rawPath"]!.GetValue<string>(), Is.EqualTo("/items/42"));
            Assert.That(body["rawQueryString"]!.GetValue<string>(), Is.EqualTo("a=1&a=2&b=x%20y"));
            Assert.That(body["queryStringParameters"]!["a"]!.GetValue<string>(), Is.EqualTo("1,2"));
            Assert.That(body["queryStringParameters"]!["b"]!.GetValue<string>(), Is.EqualTo("x y"));
            Assert.That(body["pathParameters"]!["id"]!.GetValue<string>(), Is.EqualTo("42"));
            Assert.That(body["cookies"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "c1=v1", "c2=v2" }));
            Assert.That(body["headers"]!["x-custom"]!.GetValue<string>(), Is.EqualTo("Value"));
            Assert.That(body["isBase64Encoded"]!.GetValue<bool>(), Is.False);
            Assert.That(context["http"]!["method"]!.GetValue<string>(), Is.EqualTo("GET"));
            Assert.That(context["http"]!["path"]!.GetValue<string>(), Is.EqualTo("/items/42"));
            Assert.That(context["stage"]!.GetValue<string>(), Is.EqualTo("$default"));
            Assert.That(context["apiId"]!.GetValue<string>(), Is.EqualTo(runtime.Model.HttpApi!.ApiId));
            Assert.That(context["requestId"]!.GetValue<string>(), Is.EqualTo(response.Headers.GetValues("apigw-requestid").Single()));
            Assert.That(context["timeEpoch"]!.GetValue<long>(), Is.GreaterThan(0));
            Assert.That(context["authorizer"], Is.Null);
        });
    }

    [Test]
    public async Task JsonBody_IsPassedAsText_AndBinaryBodyAsBase64()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var json = await client.PostAsync("items", new StringContent("""{"name":"pen"}""", Encoding.UTF8, "application/json"));
        using var binary = await client.PostAsync("items", new ByteArrayContent([0, 1, 2, 255]) { Headers = { ContentType = new("application/octet-stream") } });
        var jsonEvent = JsonNode.Parse(await json.Content.ReadAsStringAsync())!;
        var binaryEvent = JsonNode.Parse(await binary.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(jsonEvent["body"]!.GetValue<string>(), Is.EqualTo("""{"name":"pen"}"""));
            Assert.That(jsonEvent["isBase64Encoded"]!.GetValue<bool>(), Is.False);
            Assert.That(binaryEvent["body"]!.GetValue<string>(), Is.EqualTo("AAEC/w=="));
            Assert.That(binaryEvent["isBase64Encoded"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task GreedyRoute_PassesTheRestOfThePath()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var response = await client.DeleteAsync("files/a/b/c.txt");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(body["routeKey"]!.GetValue<string>(), Is.EqualTo("ANY /files/{proxy+}"));
            Assert.That(body["pathParameters"]!["proxy"]!.GetValue<string>(), Is.EqualTo("a/b/c.txt"));
        });
    }

    [Test]
    public async Task StructuredResponse_SetsStatusHeadersAndCookies()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var response = await client.PostAsync("structured", null);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Headers.GetValues("x-fixture").Single(), Is.EqualTo("yes"));
            Assert.That(response.Headers.GetValues("Set-Cookie"), Is.EqualTo(new[] { "a=1", "b=2; Path=/" }));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("created"));
        });
    }

    [Test]
    public async Task Base64Response_IsDecodedToBytes()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        var bytes = await client.GetByteArrayAsync("binary");

        Assert.That(bytes, Is.EqualTo(new byte[] { 0, 1, 2, 255 }));
    }

    [TestCase("GET", "nowhere")]
    [TestCase("PUT", "items")]
    [TestCase("GET", "items/1/extra")]
    public async Task UnknownRouteOrMethod_IsApiGateways404(string method, string path)
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"Not Found"}"""));
        });
    }

    [Test]
    public async Task FunctionError_IsApiGateways500()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var response = await client.GetAsync("fail");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"Internal Server Error"}"""));
        });
    }

    [Test]
    public async Task BodyOverTenMegabytes_IsRefusedWith413()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var response = await client.PostAsync("items", new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"Request Entity Too Large"}"""));
        });
    }
}
