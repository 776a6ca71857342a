using System.Text.Json.Nodes;
using Workflow.Local.StepFunctions.Handlers;
using Workflow.StateMachine;

namespace Workflow.Local.Tests.StepFunctions;

public sealed class LambdaInvokeHandlerTests
{
    private const string Invoke = "arn:aws:states:::lambda:invoke";
    private static readonly LambdaIdentity Identity = new("aws", TestModels.Region, TestModels.AccountId, TimeProvider.System);

    [Test]
    public async Task Invoke_WrapsTheFunctionResultInLambdasInvokeResponse()
    {
        var functions = new FakeFunctionInvoker().Returns("price", """{"total":42}""");
        var handler = new LambdaInvokeHandler(functions, Identity);

        var result = await handler.InvokeAsync(Invocations.For(Invoke, new JsonObject { ["FunctionName"] = "price", ["Payload"] = new JsonObject { ["a"] = 1 } }), CancellationToken.None);

        Assert.That(result!["ExecutedVersion"]!.GetValue<string>(), Is.EqualTo("$LATEST"));
        Assert.That(result["StatusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(JsonNode.DeepEquals(result["Payload"], JsonNode.Parse("""{"total":42}""")), Is.True);
        Assert.That(result["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(result["SdkHttpMetadata"]!["HttpHeaders"]!["X-Amz-Executed-Version"]!.GetValue<string>(), Is.EqualTo("$LATEST"));
        Assert.That(result["SdkHttpMetadata"]!["AllHttpHeaders"]!["Content-Length"]![0]!.GetValue<string>(), Is.EqualTo("12"));
        Assert.That(result["SdkResponseMetadata"]!["RequestId"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task Invoke_WithoutPayload_SendsAnEmptyObject()
    {
        var functions = new FakeFunctionInvoker().Echo("echo");
        var handler = new LambdaInvokeHandler(functions, Identity);

        var result = await handler.InvokeAsync(Invocations.For(Invoke, new JsonObject { ["FunctionName"] = TestModels.FunctionArn("echo") }), CancellationToken.None);

        Assert.That(functions.Calls.Single().Payload, Is.EqualTo("{}"));
        Assert.That(result!["Payload"]!.ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Invoke_WithStringPayload_SendsTheStringTextAsTheBody()
    {
        var functions = new FakeFunctionInvoker().Echo("echo");
        var handler = new LambdaInvokeHandler(functions, Identity);

        await handler.InvokeAsync(Invocations.For(Invoke, new JsonObject { ["FunctionName"] = "echo", ["Payload"] = """{"x":1}""" }), CancellationToken.None);

        Assert.That(functions.Calls.Single().Payload, Is.EqualTo("""{"x":1}"""));
    }

    [Test]
    public async Task Invoke_WhenTheFunctionReturnsRawText_PayloadIsThatString()
    {
        var functions = new FakeFunctionInvoker().Define("raw", _ => Local.Functions.FunctionInvocationResult.Success("HelloWorld!"u8.ToArray()));
        var handler = new LambdaInvokeHandler(functions, Identity);

        var result = await handler.InvokeAsync(Invocations.For(Invoke, new JsonObject { ["FunctionName"] = "raw" }), CancellationToken.None);

        Assert.That(result!["Payload"]!.GetValue<string>(), Is.EqualTo("HelloWorld!"));
    }

    [Test]
    public void Invoke_WhenTheFunctionThrows_FailsWithErrorTypeAndTheErrorDocumentAsCause()
    {
        var functions = new FakeFunctionInvoker().Throws("check", "BusinessRuleException", "over budget");
        var handler = new LambdaInvokeHandler(functions, Identity);

        var error = Assert.ThrowsAsync<StatesException>(async () =>
            await handler.InvokeAsync(Invocations.For(Invoke, new JsonObject { ["FunctionName"] = "check" }), CancellationToken.None));

        Assert.That(error!.Error, Is.EqualTo("BusinessRuleException"));
        var cause = JsonNode.Parse(error.Cause)!;
        Assert.That(cause["errorType"]!.GetValue<string>(), Is.EqualTo("BusinessRuleException"));
        Assert.That(cause["errorMessage"]!.GetValue<string>(), Is.EqualTo("over budget"));
    }

    [Test]
    public void Invoke_UnknownFunction_FailsWithLambdaResourceNotFound()
    {
        var handler = new LambdaInvokeHandler(new FakeFunctionInvoker(), Identity);

        var error = Assert.ThrowsAsync<StatesException>(async () =>
            await handler.InvokeAsync(Invocations.For(Invoke, new JsonObject { ["FunctionName"] = "missing" }), CancellationToken.None));

        Assert.That(error!.Error, Is.EqualTo("Lambda.ResourceNotFoundException"));
        Assert.That(error.Cause, Does.StartWith(
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing:$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "));
        Assert.That(error.Cause, Does.EndWith("; Proxy: null)"));
    }

    [Test]
    public async Task DirectLambdaArn_SendsTheInputAndReturnsTheRawResult()
    {
        var functions = new FakeFunctionInvoker().Returns("price", """{"total":7}""");
        var handler = new LambdaFunctionHandler(functions, Identity);

        var result = await handler.InvokeAsync(Invocations.For(TestModels.FunctionArn("price"), new JsonObject { ["qty"] = 2 }), CancellationToken.None);

        Assert.That(functions.Calls.Single().Payload, Is.EqualTo("""{"qty":2}"""));
        Assert.That(result!.ToJsonString(), Is.EqualTo("""{"total":7}"""));
    }
}
