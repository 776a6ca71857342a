using System.Text;
using Workflow.Local.HttpApi;

namespace Workflow.Local.Tests.HttpApi;

public sealed class ApiGatewayResponseTests
{
    private static ApiGatewayResponse Map(string payload) => ApiGatewayResponse.FromFunctionResult(Encoding.UTF8.GetBytes(payload));

    [Test]
    public void StructuredResult_GivesStatusHeadersCookiesAndBody()
    {
        var response = Map("""{"statusCode":202,"headers":{"Location":"/jobs/1","Retry-After":2},"cookies":["a=1"],"body":"{\"ok\":true}"}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(202));
            Assert.That(response.Headers, Does.Contain(new KeyValuePair<string, string>("Location", "/jobs/1")));
            Assert.That(response.Headers, Does.Contain(new KeyValuePair<string, string>("Retry-After", "2")));
            Assert.That(response.Cookies, Is.EqualTo(new[] { "a=1" }));
            Assert.That(Encoding.UTF8.GetString(response.Body), Is.EqualTo("""{"ok":true}"""));
        });
    }

    [Test]
    public void PlainJsonResult_IsA200ApplicationJsonBody()
    {
        var response = Map("""{"jobId":"1","status":"ACCEPTED"}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers, Does.Contain(new KeyValuePair<string, string>("content-type", "application/json")));
            Assert.That(Encoding.UTF8.GetString(response.Body), Is.EqualTo("""{"jobId":"1","status":"ACCEPTED"}"""));
        });
    }

    [Test]
    public void Base64Body_IsDecoded()
    {
        var response = Map("""{"statusCode":200,"isBase64Encoded":true,"body":"AAEC/w=="}""");

        Assert.That(response.Body, Is.EqualTo(new byte[] { 0, 1, 2, 255 }));
    }

    [TestCase("not json")]
    [TestCase("""{"statusCode":"abc"}""")]
    [TestCase("""{"statusCode":99}""")]
    public void UnusableResult_IsAnInternalServerError(string payload)
    {
        var response = Map(payload);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(500));
            Assert.That(Encoding.UTF8.GetString(response.Body), Is.EqualTo("""{"message":"Internal Server Error"}"""));
        });
    }
}
