using System.Text.Json.Nodes;
using Workflow.Local.Template;
using Workflow.Testing;

namespace Workflow.Local.Tests.StepFunctions;

/// <summary>The repository's own SAM template loads into the local Step Functions and EventBridge services.</summary>
public sealed class ApplicationTemplateTests
{
    private string dataDirectory = null!;
    private ApplicationModel model = null!;
    private LocalServicesServer server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        dataDirectory = Directory.CreateTempSubdirectory("app-template-").FullName;
        model = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"), new Dictionary<string, string>()));
        server = await LocalServicesServer.StartAsync(model, new FakeFunctionInvoker(), dataDirectory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await server.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task EveryStateMachineOfTheTemplate_IsCreated()
    {
        var listed = await server.CallOkAsync("AWSStepFunctions.ListStateMachines", new JsonObject());

        Assert.That(listed["stateMachines"]!.AsArray().Select(m => m!["stateMachineArn"]!.GetValue<string>()),
            Is.EquivalentTo(model.StateMachines.Select(m => m.Arn)));
        Assert.That(model.StateMachines, Is.Not.Empty);
    }

    [Test]
    public async Task TheJobSubmittedRule_IsOnTheApplicationsBusWithItsPattern()
    {
        var bus = model.EventBuses.Single(b => b.Name != "default");

        var rules = await server.CallOkAsync("AWSEvents.ListRules", new JsonObject { ["EventBusName"] = bus.Name });

        // The bus also carries the notification rules; exactly one rule starts the state machine.
        var rule = rules["Rules"]!.AsArray().Single(r => JsonNode.Parse(r!["EventPattern"]!.GetValue<string>())!["detail-type"]![0]!.GetValue<string>() == "JobSubmitted")!;
        var pattern = JsonNode.Parse(rule["EventPattern"]!.GetValue<string>())!;
        Assert.That((string?)pattern["source"]![0], Is.EqualTo("workflow.jobs"));
        Assert.That((string?)pattern["detail"]!["type"]![0], Is.EqualTo("purchase-request"));
    }

    [Test]
    public async Task TheRepublishSchedule_IsARuleOnTheDefaultBus()
    {
        var rules = await server.CallOkAsync("AWSEvents.ListRules", new JsonObject());

        Assert.That(rules["Rules"]!.AsArray().Select(r => r!["ScheduleExpression"]?.GetValue<string>()), Does.Contain("rate(5 minutes)"));
    }
}
