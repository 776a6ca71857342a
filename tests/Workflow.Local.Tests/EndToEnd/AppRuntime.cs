using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Workflow.Local.Hosting;
using Workflow.Testing;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// The repository's real application (<c>template.yaml</c>) running in-process on the local runtime, on a free port
/// with a temporary data folder; tests talk to it only over HTTP. <see cref="RestartAsync"/> stops it and starts it
/// again on the same data folder.
/// </summary>
internal sealed class AppRuntime : IAsyncDisposable
{
    public const string EventSource = "workflow.jobs";
    public const string CostCentre = "E2E-1";
    private LocalRuntimeOptions _options;
    private LocalRuntime? _runtime;
    private HttpClient? _http;

    private AppRuntime(LocalRuntimeOptions options)
    {
        _options = options;
    }

    public static string TemplatePath => RepoPaths.InRepo("template.yaml");

    public LocalRuntime Runtime => _runtime ?? throw new InvalidOperationException("The runtime is stopped.");

    public HttpClient Http => _http ?? throw new InvalidOperationException("The runtime is stopped.");

    public string DataDirectory => _options.DataDirectory!;

    public AwsEndpoints Aws => new(Http);

    public string StateMachineArn => Runtime.Model.StateMachines.Single().Arn;

    public string EventBusName => Runtime.Model.EventBuses.Single(b => b.Name != "default").Name;

    public string TableName => Runtime.Model.Tables.Single().TableName;

    /// <summary>Starts the application; <paramref name="configure"/> adjusts the options (clock, mocks, parameters).</summary>
    public static async Task<AppRuntime> StartAsync(Func<LocalRuntimeOptions, LocalRuntimeOptions>? configure = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("workflow-e2e-").FullName;
        var options = new LocalRuntimeOptions
        {
            TemplatePath = TemplatePath,
            Port = 0,
            DataDirectory = dataDirectory,
            LogFormat = LogFormat.Text,
        };
        var app = new AppRuntime(configure is null ? options : configure(options));
        try
        {
            await app.StartRuntimeAsync();
            await app.SeedBudgetAsync(CostCentre, 100_000_000m);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the runtime (gracefully, like Ctrl+C) and starts it again on the same data folder.</summary>
    public async Task RestartAsync(Func<LocalRuntimeOptions, LocalRuntimeOptions>? reconfigure = null)
    {
        // Same port, like a developer restarting: the issuer of the user pool's tokens is the runtime's URL.
        var port = Runtime.BaseUrl.Port;
        await StopRuntimeAsync();
        _options = (reconfigure is null ? _options : reconfigure(_options)) with { DataDirectory = _options.DataDirectory, Port = port };

        await StartRuntimeAsync();
    }

    /// <summary>A user of the HTTP API with a fresh development token from the runtime's token endpoint.</summary>
    public async Task<ApiUser> UserAsync(string subject, params string[] groups)
    {
        var token = await TokenAsync(new JsonObject { ["sub"] = subject, ["groups"] = new JsonArray(groups.Select(g => (JsonNode)g).ToArray()) });
        return new ApiUser(Http, subject, token);
    }

    public async Task<string> TokenAsync(JsonObject request)
    {
        using var response = await Http.PostAsJsonAsync("_local/token", request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
    }

    /// <summary>
    /// Gives a cost centre a budget through the runtime's DynamoDB endpoint, as an operator loads reference data
    /// (the template sets no default budget, so a request without one is rejected by the rules).
    /// </summary>
    public async Task SeedBudgetAsync(string costCentre, decimal limit, string currency = "EUR")
    {
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDLOCAL", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = Runtime.DynamoDbEndpoint.ToString(),
            AuthenticationRegion = Runtime.Model.Region,
        });
        await client.PutItemAsync(new PutItemRequest
        {
            TableName = TableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "BUDGET#" + costCentre },
                ["sk"] = new() { S = "BUDGET" },
                ["costCentre"] = new() { S = costCentre },
                ["currency"] = new() { S = currency },
                ["limit"] = new() { N = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["committed"] = new() { N = "0" },
            },
        });
    }

    private async Task StartRuntimeAsync()
    {
        _runtime = await LocalRuntime.StartAsync(_options, CancellationToken.None);
        _http = new HttpClient { BaseAddress = _runtime.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    private async Task StopRuntimeAsync()
    {
        _http?.Dispose();
        _http = null;
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
            _runtime = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopRuntimeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still hold a file for a moment; the folder is under the temp directory anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
