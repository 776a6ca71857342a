using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Local.AwsProtocol;
using Workflow.Local.Hosting;
using Workflow.StateMachine;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>
/// Sends DynamoDB JSON-protocol requests (<c>DynamoDB_20120810.&lt;Op&gt;</c>) to the runtime's DynamoDB endpoint and
/// turns DynamoDB errors into the Step Functions errors <c>DynamoDB.&lt;ExceptionName&gt;</c>.
/// </summary>
public sealed class DynamoDbTaskClient : IDisposable
{
    private readonly Func<Uri> endpoint;
    private readonly HttpClient http;
    private readonly SigV4Signer signer;
    private readonly TimeProvider clock;

    public DynamoDbTaskClient(LocalEndpoints endpoints, LocalServicesSettings settings)
        : this(() => endpoints.DynamoDbEndpoint, settings?.Model.Region ?? "us-east-1", settings?.Options.TimeProvider ?? TimeProvider.System)
    {
    }

    public DynamoDbTaskClient(Func<Uri> endpoint, string region, TimeProvider clock)
    {
        this.endpoint = endpoint;
        this.clock = clock;
        http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        signer = new SigV4Signer("AKIDLOCALSTEPFUNCTIONS", "local-step-functions-secret", region, "dynamodb");
    }

    /// <summary>Runs <paramref name="operation"/> (e.g. <c>UpdateItem</c>) with the task's parameters as the request.</summary>
    public async Task<JsonNode?> SendAsync(string operation, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(parameters?.ToJsonString() ?? "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint());
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        signer.Sign(request, body, clock.GetUtcNow());

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw new StatesException("DynamoDB.AmazonDynamoDBException",
                $"Unable to reach DynamoDB at {request.RequestUri}: {error.Message} (Service: AmazonDynamoDBv2; Status Code: 0; Error Code: null; Request ID: null; Proxy: null)");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            requestId ??= Guid.NewGuid().ToString("N").ToUpperInvariant();
            if (response.IsSuccessStatusCode)
            {
                var result = string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
                SdkHttpMetadata.AddTo(result, ResponseHeaders(response, text, requestId, clock), (int)response.StatusCode, requestId);
                return result;
            }

            throw ToStatesError((int)response.StatusCode, text, requestId);
        }
    }

    /// <summary>DynamoDB's response headers as Step Functions reports them (the server's own values where it sent them).</summary>
    private static List<(string Name, string Value)> ResponseHeaders(HttpResponseMessage response, string body, string requestId, TimeProvider clock)
    {
        string Header(string name, string fallback) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? values.First()
                : fallback;

        return
        [
            ("Connection", "keep-alive"),
            ("Content-Length", Header("Content-Length", Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ("Content-Type", "application/x-amz-json-1.0"),
            ("Date", Header("Date", SdkHttpMetadata.HttpDate(clock.GetUtcNow()))),
            ("Server", "Server"),
            ("x-amz-crc32", Header("x-amz-crc32", "")),
            ("x-amzn-RequestId", requestId),
        ];
    }

    /// <summary>
    /// <c>DynamoDB.ConditionalCheckFailedException</c> with the cause Step Functions writes:
    /// <c>The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: ...; Proxy: null)</c>.
    /// </summary>
    public static StatesException ToStatesError(int statusCode, string body, string requestId)
    {
        var code = "AmazonDynamoDBException";
        var message = body;
        try
        {
            if (JsonNode.Parse(body) is JsonObject error)
            {
                var type = (error["__type"] as JsonValue)?.GetValue<string>();
                if (!string.IsNullOrEmpty(type))
                {
                    code = type[(type.LastIndexOf('#') + 1)..];
                }

                message = ((error["message"] ?? error["Message"]) as JsonValue)?.GetValue<string>() ?? "";
            }
        }
        catch (Exception parseError) when (parseError is JsonException or InvalidOperationException or FormatException)
        {
            // Not a DynamoDB error document (a proxy or a crashed server): report the raw body.
        }

        return new StatesException("DynamoDB." + code,
            $"{message} (Service: AmazonDynamoDBv2; Status Code: {statusCode}; Error Code: {code}; Request ID: {requestId}; Proxy: null)");
    }

    public void Dispose() => http.Dispose();
}
