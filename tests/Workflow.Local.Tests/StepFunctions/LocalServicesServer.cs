using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Local.Functions;
using Workflow.Local.Hosting;
using Workflow.Local.StepFunctions;
using Workflow.Local.Template;

namespace Workflow.Local.Tests.StepFunctions;

/// <summary>
/// The local AWS services (Step Functions, EventBridge, AWS JSON endpoint) hosted on a free loopback port with fake
/// functions: what the runtime host runs, without templates or builds. Stop and start it again on the same data
/// directory to test durability.
/// </summary>
internal sealed class LocalServicesServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalServicesServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<LocalServicesServer> StartAsync(
        ApplicationModel model,
        IFunctionInvoker functions,
        string dataDirectory,
        Uri? dynamoDbEndpoint = null,
        string? mockConfigPath = null,
        string? mockTestCase = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var endpoints = new LocalEndpoints { DataDirectory = dataDirectory };
        if (dynamoDbEndpoint is not null)
        {
            endpoints.DynamoDbEndpoint = dynamoDbEndpoint;
        }

        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton(functions);
        builder.Services.AddLocalServices(model, new LocalRuntimeOptions
        {
            DataDirectory = dataDirectory,
            MockConfigPath = mockConfigPath,
            MockTestCase = mockTestCase,
            Region = model.Region,
            AccountId = model.AccountId,
        });
        var app = builder.Build();
        app.MapLocalServices();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoints.HostUrl = new Uri(address);
        return new LocalServicesServer(app, new Uri(address));
    }

    /// <summary>Calls an AWS JSON-protocol operation the way SDKs do and returns status and parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> CallAsync(string target, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc");
        request.Content = new StringContent(json, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(target.StartsWith("AWSEvents", StringComparison.Ordinal)
            ? "application/x-amz-json-1.1"
            : "application/x-amz-json-1.0");
        var response = await Http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    /// <summary>Calls an operation that must succeed and returns its body.</summary>
    public async Task<JsonNode> CallOkAsync(string target, JsonNode request)
    {
        var (status, body, _) = await CallAsync(target, request.ToJsonString()).ConfigureAwait(false);
        return status == HttpStatusCode.OK && body is not null
            ? body
            : throw new InvalidOperationException($"{target} answered {(int)status}: {body?.ToJsonString()}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
