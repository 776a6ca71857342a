using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Tasks;

namespace Workflow.StateMachine.Tests.Conformance;

/// <summary>
/// The mock Lambda functions of a conformance case (README "Mock Lambda functions"): direct function ARNs in
/// <c>Resource</c> and the <c>arn:aws:states:::lambda:invoke</c> integration with AWS's response envelope.
/// </summary>
internal sealed class MockLambdas
{
    private readonly Dictionary<string, JsonObject> functions = new(StringComparer.Ordinal);

    public MockLambdas(JsonObject? lambdas)
    {
        if (lambdas is null)
        {
            return;
        }

        foreach (var (name, spec) in lambdas)
        {
            functions[name] = (JsonObject)spec!;
        }
    }

    public void Register(TaskHandlerRegistry registry)
    {
        registry.Register("arn:aws:lambda:*", InvokeDirectAsync);
        registry.Register("arn:aws:states:::lambda:invoke", InvokeIntegrationAsync);
    }

    private async ValueTask<JsonNode?> InvokeDirectAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var name = FunctionName(invocation.Resource);
        if (!functions.TryGetValue(name, out var spec))
        {
            throw new StatesException("Lambda.ResourceNotFoundException", NotFound(name));
        }

        var (text, _) = await RunAsync(spec, invocation.Payload?.DeepClone(), invocation, pythonStyleErrors: true, cancellationToken).ConfigureAwait(false);
        return ParseResponse(text);
    }

    private async ValueTask<JsonNode?> InvokeIntegrationAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = invocation.Payload as JsonObject;
        var functionName = parameters?["FunctionName"] is JsonValue f && f.TryGetValue(out string? fn) ? fn : "";
        var name = FunctionName(functionName);
        if (!functions.TryGetValue(name, out var spec))
        {
            throw new StatesException("Lambda.ResourceNotFoundException", NotFound(name));
        }

        JsonNode? payload = parameters?["Payload"]?.DeepClone();
        if (payload is null)
        {
            payload = new JsonObject();
        }
        else if (payload is JsonValue sv && sv.GetValueKind() == JsonValueKind.String)
        {
            var raw = sv.GetValue<string>();
            try
            {
                payload = JsonNode.Parse(raw);
            }
            catch (JsonException)
            {
                payload = JsonValue.Create(raw);
            }
        }

        var (text, _) = await RunAsync(spec, payload, invocation, pythonStyleErrors: false, cancellationToken).ConfigureAwait(false);
        var length = Encoding.UTF8.GetByteCount(text).ToString(CultureInfo.InvariantCulture);
        var response = new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = ParseResponse(text),
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject
                {
                    ["X-Amz-Executed-Version"] = new JsonArray("$LATEST"),
                    ["x-amzn-Remapped-Content-Length"] = new JsonArray("0"),
                    ["Connection"] = new JsonArray("keep-alive"),
                    ["x-amzn-RequestId"] = new JsonArray(Guid.NewGuid().ToString()),
                    ["Content-Length"] = new JsonArray(length),
                    ["Date"] = new JsonArray("Thu, 01 Jan 2026 00:00:00 GMT"),
                    ["X-Amzn-Trace-Id"] = new JsonArray("Root=1-00000000-000000000000000000000000;Sampled=0"),
                    ["Content-Type"] = new JsonArray("application/json"),
                },
                ["HttpHeaders"] = new JsonObject
                {
                    ["Connection"] = "keep-alive",
                    ["Content-Length"] = length,
                    ["Content-Type"] = "application/json",
                    ["Date"] = "Thu, 01 Jan 2026 00:00:00 GMT",
                    ["X-Amz-Executed-Version"] = "$LATEST",
                    ["x-amzn-Remapped-Content-Length"] = "0",
                    ["x-amzn-RequestId"] = Guid.NewGuid().ToString(),
                    ["X-Amzn-Trace-Id"] = "Root=1-00000000-000000000000000000000000;Sampled=0",
                },
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString() },
            ["StatusCode"] = 200,
        };
        if (parameters?["LogType"] is JsonValue logType && logType.TryGetValue(out string? lt) && lt == "Tail")
        {
            var log = Convert.ToBase64String(Encoding.UTF8.GetBytes("START RequestId: mock\nEND RequestId: mock\n"));
            response["LogResult"] = log;
            response["SdkHttpMetadata"]!["AllHttpHeaders"]!["X-Amz-Log-Result"] = new JsonArray(log);
            response["SdkHttpMetadata"]!["HttpHeaders"]!["X-Amz-Log-Result"] = log;
        }

        return response;
    }

    /// <summary>Runs the behaviour and returns the response payload as text (what Lambda would send back).</summary>
    private static async ValueTask<(string Text, bool Raw)> RunAsync(JsonObject spec, JsonNode? payload, TaskInvocation invocation, bool pythonStyleErrors, CancellationToken cancellationToken)
    {
        var behavior = spec["behavior"]!.GetValue<string>();
        if (spec["delaySeconds"] is JsonValue delay && delay.TryGetValue(out double seconds) && seconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), invocation.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        switch (behavior)
        {
            case "echo":
                return (PythonJson.Serialize(payload), false);
            case "return":
                return (PythonJson.Serialize(spec["value"]), false);
            case "return-raw":
                var raw = spec["rawPayload"];
                if (raw is JsonObject repeat)
                {
                    var unit = repeat["repeat"]!.GetValue<string>();
                    var count = repeat["count"]!.GetValue<int>();
                    return (string.Concat(Enumerable.Repeat(unit, count)), true);
                }

                return (raw!.GetValue<string>(), true);
            case "raise":
                var errorType = spec["errorType"]!.GetValue<string>();
                var message = spec["errorMessage"]!.GetValue<string>();
                var document = new JsonObject
                {
                    ["errorMessage"] = message,
                    ["errorType"] = errorType,
                    ["requestId"] = Guid.NewGuid().ToString(),
                    ["stackTrace"] = new JsonArray(),
                };
                throw new StatesException(errorType, pythonStyleErrors ? PythonJson.Serialize(document) : document.ToJsonString());
            default:
                throw new InvalidOperationException($"Unknown mock behaviour '{behavior}'");
        }
    }

    private static JsonNode? ParseResponse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string FunctionName(string nameOrArn)
    {
        if (!nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return nameOrArn;
        }

        var parts = nameOrArn.Split(':');
        return parts.Length >= 7 ? parts[6] : nameOrArn;
    }

    private static string NotFound(string name) =>
        $"Function not found: arn:aws:lambda:us-east-1:111111111111:function:{name}:$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: {Guid.NewGuid()}; Proxy: null)";
}

/// <summary>JSON text as Python's <c>json.dumps</c> writes it (<c>", "</c> and <c>": "</c>, ASCII only).</summary>
internal static class PythonJson
{
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, JsonNode? node)
    {
        switch (node)
        {
            case null:
                b.Append("null");
                break;
            case JsonObject obj:
                b.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first)
                    {
                        b.Append(", ");
                    }

                    first = false;
                    WriteString(b, key);
                    b.Append(": ");
                    Write(b, value);
                }

                b.Append('}');
                break;
            case JsonArray array:
                b.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    Write(b, array[i]);
                }

                b.Append(']');
                break;
            default:
                var scalar = (JsonValue)node;
                if (scalar.GetValueKind() == JsonValueKind.String)
                {
                    WriteString(b, scalar.GetValue<string>());
                }
                else
                {
                    b.Append(scalar.ToJsonString());
                }

                break;
        }
    }

    private static void WriteString(StringBuilder b, string s)
    {
        b.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append('"');
    }
}
