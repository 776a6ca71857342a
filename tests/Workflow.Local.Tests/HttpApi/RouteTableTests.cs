using Workflow.Local.HttpApi;
using Workflow.Local.Template;

namespace Workflow.Local.Tests.HttpApi;

public sealed class RouteTableTests
{
    private static HttpRouteModel Route(string method, string path) =>
        new(method, path, "Fn", $"fn-{method}-{path}", null, [], "2.0", 30000);

    private static readonly RouteTable Table = new([
        Route("GET", "/jobs/{id}"),
        Route("GET", "/jobs/mine"),
        Route("ANY", "/jobs/{id}"),
        Route("POST", "/jobs/{id}/cancel"),
        Route("ANY", "/files/{proxy+}"),
        Route("GET", "/files/{folder}/readme"),
    ]);

    [Test]
    public void ExactRoute_BeatsPathVariable()
    {
        var match = Table.Match("GET", "/jobs/mine");

        Assert.That(match!.Route.Path, Is.EqualTo("/jobs/mine"));
    }

    [Test]
    public void PathVariable_IsCapturedAndDecoded()
    {
        var match = Table.Match("GET", "/jobs/a%20b");

        Assert.Multiple(() =>
        {
            Assert.That(match!.Route.RouteKey, Is.EqualTo("GET /jobs/{id}"));
            Assert.That(match.PathParameters["id"], Is.EqualTo("a b"));
        });
    }

    [Test]
    public void SpecificMethod_BeatsAny_AndAnyTakesTheRest()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Table.Match("GET", "/jobs/1")!.Route.Method, Is.EqualTo("GET"));
            Assert.That(Table.Match("DELETE", "/jobs/1")!.Route.Method, Is.EqualTo("ANY"));
        });
    }

    [Test]
    public void GreedyVariable_TakesTheRestOfThePath_ButLosesToAVariableMatch()
    {
        var greedy = Table.Match("PUT", "/files/a/b/c.txt");
        var specific = Table.Match("GET", "/files/docs/readme");

        Assert.Multiple(() =>
        {
            Assert.That(greedy!.PathParameters["proxy"], Is.EqualTo("a/b/c.txt"));
            Assert.That(specific!.Route.Path, Is.EqualTo("/files/{folder}/readme"));
            Assert.That(Table.Match("GET", "/files"), Is.Null);
        });
    }

    [Test]
    public void NoMatch_FallsBackToDefaultRouteOnlyWhenThereIsOne()
    {
        var withDefault = new RouteTable([Route("GET", "/a"), Route("ANY", "$default")]);

        Assert.Multiple(() =>
        {
            Assert.That(Table.Match("POST", "/jobs"), Is.Null);
            Assert.That(Table.Match("GET", "/jobs/1/cancel"), Is.Null);
            Assert.That(withDefault.Match("GET", "/elsewhere")!.Route.RouteKey, Is.EqualTo("$default"));
        });
    }
}
