using System.Text;
using System.Text.Json.Nodes;
using Workflow.Local.Functions;
using Workflow.Local.Tests.Hosting;

namespace Workflow.Local.Tests.Functions;

/// <summary>The fixture functions, run out of process by the runtime's invoker.</summary>
public sealed class FunctionInvokerTests
{
    private static async Task<IFunctionInvoker> InvokerAsync() =>
        (IFunctionInvoker)(await FixtureRuntime.GetAsync()).Services.GetService(typeof(IFunctionInvoker))!;

    private static ReadOnlyMemory<byte> Json(string text) => Encoding.UTF8.GetBytes(text);

    private static JsonNode Parse(FunctionInvocationResult result) => JsonNode.Parse(result.Payload.Span)!;

    [Test]
    public async Task Invoke_Echo_ReturnsThePayload()
    {
        var invoker = await InvokerAsync();

        var result = await invoker.InvokeAsync("EchoFunction", Json("""{"hello":"wörld"}"""), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsError, Is.False);
            Assert.That(Encoding.UTF8.GetString(result.Payload.Span), Is.EqualTo("""{"hello":"wörld"}"""));
        });
    }

    [Test]
    public async Task Invoke_ResolvesLogicalIdNameArnAndLatestQualifier()
    {
        var invoker = await InvokerAsync();
        var runtime = await FixtureRuntime.GetAsync();
        var function = runtime.Model.Functions.Single(f => f.LogicalId == "EchoFunction");

        Assert.Multiple(() =>
        {
            Assert.That(invoker.FunctionExists("EchoFunction"), Is.True);
            Assert.That(invoker.FunctionExists(function.FunctionName), Is.True);
            Assert.That(invoker.FunctionExists(function.Arn), Is.True);
            Assert.That(invoker.FunctionExists(function.Arn + ":$LATEST"), Is.True);
            Assert.That(invoker.FunctionExists("NoSuchFunction"), Is.False);
            Assert.ThrowsAsync<FunctionNotFoundException>(() => invoker.InvokeAsync("NoSuchFunction", Json("{}"), CancellationToken.None));
        });
    }

    [Test]
    public async Task Invoke_ThrowingHandler_ReturnsUnhandledWithTheShortExceptionTypeName()
    {
        var invoker = await InvokerAsync();

        var result = await invoker.InvokeAsync("ThrowFunction", Json("{}"), CancellationToken.None);
        var error = Parse(result);

        Assert.Multiple(() =>
        {
            Assert.That(result.FunctionError, Is.EqualTo("Unhandled"));
            Assert.That(result.ErrorType, Is.EqualTo("BusinessRuleException"));
            Assert.That(result.ErrorMessage, Is.EqualTo("amount exceeds the budget"));
            Assert.That(error["errorType"]!.GetValue<string>(), Is.EqualTo("BusinessRuleException"));
            Assert.That(error["stackTrace"]!.AsArray(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Invoke_PastTheTimeout_FailsWithTimedOut_AndTheNextCallGetsAFreshWorker()
    {
        var invoker = await InvokerAsync();

        var timedOut = await invoker.InvokeAsync("SlowFunction", Json("""{"delayMs":30000}"""), CancellationToken.None);
        var next = await invoker.InvokeAsync("SlowFunction", Json("""{"delayMs":1}"""), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(timedOut.FunctionError, Is.EqualTo("Unhandled"));
            Assert.That(timedOut.ErrorType, Is.EqualTo("Sandbox.Timedout"));
            Assert.That(timedOut.ErrorMessage, Does.EndWith("Task timed out after 1.00 seconds"));
            Assert.That(next.IsError, Is.False);
            Assert.That(Parse(next)["slept"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Invoke_CrashingWorker_ReturnsExitError_AndIsReplaced()
    {
        var invoker = await InvokerAsync();

        var crashed = await invoker.InvokeAsync("CrashFunction", Json("{}"), CancellationToken.None);
        var again = await invoker.InvokeAsync("CrashFunction", Json("{}"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(crashed.ErrorType, Is.EqualTo("Runtime.ExitError"));
            Assert.That(crashed.ErrorMessage, Does.Contain("exit status 3"));
            Assert.That(again.ErrorType, Is.EqualTo("Runtime.ExitError"));
        });
    }

    [Test]
    public async Task Invoke_Twice_ReusesTheWarmHandlerInstance()
    {
        var invoker = await InvokerAsync();

        var first = Parse(await invoker.InvokeAsync("CountFunction", Json("{}"), CancellationToken.None));
        var second = Parse(await invoker.InvokeAsync("CountFunction", Json("{}"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(second["instance"]!.GetValue<int>(), Is.EqualTo(first["instance"]!.GetValue<int>()));
            Assert.That(second["invocation"]!.GetValue<int>(), Is.EqualTo(first["invocation"]!.GetValue<int>() + 1));
        });
    }

    [Test]
    public async Task Invoke_ConcurrentCalls_AllComplete()
    {
        var invoker = await InvokerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            invoker.InvokeAsync("EchoFunction", Json($$"""{"n":{{i}}}"""), CancellationToken.None)));

        Assert.That(results.Select(r => Parse(r)["n"]!.GetValue<int>()), Is.EquivalentTo(Enumerable.Range(0, 12)));
    }

    [Test]
    public async Task FunctionEnvironment_HasTemplateVariablesAndLocalEndpoints_AndNoDeveloperAwsSettings()
    {
        var runtime = await FixtureRuntime.GetAsync();
        var invoker = await InvokerAsync();
        JsonNode environment;
        Environment.SetEnvironmentVariable("AWS_PROFILE", "developer-profile");
        try
        {
            environment = Parse(await invoker.InvokeAsync("EnvFunction", Json("{}"), CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        }

        Assert.Multiple(() =>
        {
            Assert.That(environment["STAGE"]!.GetValue<string>(), Is.EqualTo("test"));
            Assert.That(environment["OWN_VARIABLE"]!.GetValue<string>(), Is.EqualTo("own"));
            Assert.That(environment["TABLE_NAME"]!.GetValue<string>(), Is.EqualTo(runtime.Model.Tables.Single().TableName));
            Assert.That(environment["AWS_LAMBDA_FUNCTION_NAME"]!.GetValue<string>(), Is.EqualTo(runtime.Model.StackName + "-env"));
            Assert.That(environment["AWS_REGION"]!.GetValue<string>(), Is.EqualTo("us-east-1"));
            Assert.That(environment["AWS_ENDPOINT_URL_SFN"]!.GetValue<string>(), Is.EqualTo(runtime.BaseUrl.ToString().TrimEnd('/')));
            Assert.That(environment["AWS_ENDPOINT_URL_EVENTBRIDGE"]!.GetValue<string>(), Is.EqualTo(runtime.BaseUrl.ToString().TrimEnd('/')));
            Assert.That(environment["AWS_ENDPOINT_URL_DYNAMODB"]!.GetValue<string>(), Is.EqualTo(runtime.DynamoDbEndpoint.ToString().TrimEnd('/')));
            Assert.That(environment["AWS_ACCESS_KEY_ID"], Is.Not.Null);
            Assert.That(environment["AWS_PROFILE"], Is.Null);
        });
    }
}
