using Workflow.Local.Functions;

namespace Workflow.Local.Tests.Functions;

public sealed class HandlerNameTests
{
    [Test]
    public void Parse_SplitsAssemblyTypeAndMethod()
    {
        var handler = HandlerName.Parse("Workflow.Functions::Workflow.Functions.Api.SubmitJobHandler::HandleAsync");

        Assert.That(handler, Is.EqualTo(new HandlerName("Workflow.Functions", "Workflow.Functions.Api.SubmitJobHandler", "HandleAsync")));
    }

    [TestCase("Workflow.Functions::Handler")]
    [TestCase("a::::c")]
    [TestCase("")]
    public void Parse_RejectsOtherShapes(string handler)
    {
        Assert.Throws<FormatException>(() => HandlerName.Parse(handler));
    }
}
