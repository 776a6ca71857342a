using System.Net;
using System.Text.Json.Nodes;
using Workflow.Local.Tests.StepFunctions;
using Workflow.Testing;

namespace Workflow.Local.Tests.AwsProtocol;

public sealed class StepFunctionsProtocolTests
{
    private const string PassMachine = """
        {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hello {}', $.name)"},"End":true}}}
        """;

    private string dataDirectory = null!;
    private LocalServicesServer server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        dataDirectory = Directory.CreateTempSubdirectory("sfn-protocol-").FullName;
        var model = TestModels.Create(dataDirectory, [TestModels.StateMachine("greeter", PassMachine)]);
        server = await LocalServicesServer.StartAsync(model, new FakeFunctionInvoker(), dataDirectory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await server.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task UnknownTarget_Returns400UnknownOperationException()
    {
        var (status, body, response) = await server.CallAsync("AWSStepFunctions.DoSomethingElse", "{}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Does.EndWith("#UnknownOperationException"));
        Assert.That(response.Headers.GetValues("x-amzn-ErrorType").Single(), Is.EqualTo("UnknownOperationException"));
    }

    [Test]
    public async Task UnknownService_Returns400UnknownOperationException()
    {
        var (status, body, _) = await server.CallAsync("AmazonSQS.SendMessage", "{}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Does.EndWith("#UnknownOperationException"));
    }

    [Test]
    public async Task MalformedJson_Returns400SerializationException()
    {
        var (status, body, _) = await server.CallAsync("AWSStepFunctions.ListStateMachines", "{not json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Does.EndWith("#SerializationException"));
    }

    [Test]
    public async Task DescribeExecution_Unknown_ReturnsExecutionDoesNotExistInAwsErrorShape()
    {
        var arn = $"arn:aws:states:{TestModels.Region}:{TestModels.AccountId}:execution:greeter:nope";

        var (status, body, response) = await server.CallAsync("AWSStepFunctions.DescribeExecution", $$"""{"executionArn":"{{arn}}"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Is.EqualTo("com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist"));
        Assert.That(body["message"]!.GetValue<string>(), Does.Contain(arn));
        Assert.That(response.Headers.GetValues("x-amzn-ErrorType").Single(), Is.EqualTo("ExecutionDoesNotExist"));
        Assert.That(response.Headers.GetValues("x-amzn-RequestId").Single(), Is.Not.Empty);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/x-amz-json-1.0"));
    }

    [Test]
    public async Task StartExecution_WithoutStateMachineArn_ReturnsValidationException()
    {
        var (status, body, _) = await server.CallAsync("AWSStepFunctions.StartExecution", """{"input":"{}"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Does.EndWith("#ValidationException"));
        Assert.That(body["message"]!.GetValue<string>(), Does.Contain("'stateMachineArn'"));
    }

    [Test]
    public async Task ListStateMachines_ReturnsTheModelsMachinesWithEpochSecondTimestamps()
    {
        var body = await server.CallOkAsync("AWSStepFunctions.ListStateMachines", new JsonObject());

        var machine = body["stateMachines"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "greeter")!;
        Assert.That(machine["stateMachineArn"]!.GetValue<string>(), Is.EqualTo(TestModels.StateMachineArn("greeter")));
        Assert.That(machine["type"]!.GetValue<string>(), Is.EqualTo("STANDARD"));
        Assert.That(machine["creationDate"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
    }

    [Test]
    public async Task StartAndDescribe_RunsTheExecutionToSucceeded()
    {
        var described = await RunGreeterToCompletionAsync("ada");

        Assert.That(described["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(described["output"]!.GetValue<string>())!["greeting"]!.GetValue<string>(), Is.EqualTo("hello ada"));
        Assert.That(described["stopDate"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
    }

    [Test]
    public async Task GetExecutionHistory_UsesAwsEventDetailMembers()
    {
        var executionArn = (await RunGreeterToCompletionAsync("bob"))["executionArn"]!.GetValue<string>();

        var history = await server.CallOkAsync("AWSStepFunctions.GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn });

        var events = history["events"]!.AsArray();
        Assert.That(events.Select(e => e!["type"]!.GetValue<string>()),
            Is.EqualTo(new[] { "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded" }));
        Assert.That(events[0]!["executionStartedEventDetails"]!["input"]!.GetValue<string>(), Does.Contain("bob"));
        Assert.That(events[1]!["stateEnteredEventDetails"]!["name"]!.GetValue<string>(), Is.EqualTo("Greet"));
        Assert.That(events[2]!["stateExitedEventDetails"]!["output"]!.GetValue<string>(), Does.Contain("hello bob"));
        Assert.That(events[3]!["executionSucceededEventDetails"]!["outputDetails"]!["truncated"]!.GetValue<bool>(), Is.False);
        Assert.That(events[0]!["timestamp"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
        Assert.That(events[1]!["previousEventId"]!.GetValue<long>(), Is.EqualTo(events[0]!["id"]!.GetValue<long>()));
    }

    [Test]
    public async Task GetExecutionHistory_PagesWithNextToken()
    {
        var executionArn = (await RunGreeterToCompletionAsync("pages"))["executionArn"]!.GetValue<string>();

        var first = await server.CallOkAsync("AWSStepFunctions.GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn, ["maxResults"] = 3 });
        var second = await server.CallOkAsync("AWSStepFunctions.GetExecutionHistory", new JsonObject
        {
            ["executionArn"] = executionArn,
            ["maxResults"] = 3,
            ["nextToken"] = first["nextToken"]!.GetValue<string>(),
        });

        Assert.That(first["events"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(second["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "ExecutionSucceeded" }));
        Assert.That(second.AsObject().ContainsKey("nextToken"), Is.False);
    }

    [Test]
    public async Task SendTaskSuccess_UnknownToken_ReturnsAwsError()
    {
        var (status, body, _) = await server.CallAsync("AWSStepFunctions.SendTaskSuccess", """{"taskToken":"not-a-token","output":"{}"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Does.StartWith("com.amazonaws.swf.service.v2.model#").And.EndWith("InvalidToken").Or.EndWith("TaskDoesNotExist"));
    }

    [Test]
    public async Task CreateStateMachine_InvalidDefinition_ReturnsInvalidDefinition()
    {
        var (status, body, _) = await server.CallAsync("AWSStepFunctions.CreateStateMachine",
            new JsonObject { ["name"] = "broken", ["definition"] = """{"StartAt":"Missing","States":{}}""", ["roleArn"] = TestModels.RoleArn }.ToJsonString());

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Is.EqualTo("com.amazonaws.swf.service.v2.model#InvalidDefinition"));
    }

    /// <summary>Starts the greeter for <paramref name="name"/> and returns its DescribeExecution once it has left RUNNING.</summary>
    private async Task<JsonNode> RunGreeterToCompletionAsync(string name)
    {
        var started = await server.CallOkAsync("AWSStepFunctions.StartExecution", new JsonObject
        {
            ["stateMachineArn"] = TestModels.StateMachineArn("greeter"),
            ["input"] = new JsonObject { ["name"] = name }.ToJsonString(),
        });
        return await Executions.FinishedAsync(server, started["executionArn"]!.GetValue<string>());
    }

    [Test]
    public void SigV4Authorization_ParsesCredentialScope()
    {
        var parsed = Local.AwsProtocol.SigV4Authorization.TryParse(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc");

        Assert.That(parsed, Is.EqualTo(new Local.AwsProtocol.SigV4Authorization("AKIDEXAMPLE", "20260101", "eu-west-1", "states", "host;x-amz-date")));
        Assert.That(Local.AwsProtocol.SigV4Authorization.TryParse("Bearer xyz"), Is.Null);
    }
}
