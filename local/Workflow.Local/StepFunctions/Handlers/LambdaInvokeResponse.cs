using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>The object <c>lambda:invoke</c> returns: Lambda's Invoke response with the SDK's HTTP metadata.</summary>
public static class LambdaInvokeResponse
{
    public static JsonObject Create(JsonNode? payload, int contentLength, int statusCode, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var requestId = Guid.NewGuid().ToString();
        var date = SdkHttpMetadata.HttpDate(clock.GetUtcNow());
        var traceId = $"Root=1-{clock.GetUtcNow().ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))};Sampled=0;Lineage=1";
        var length = contentLength.ToString(CultureInfo.InvariantCulture);

        var headers = new (string Name, string Value)[]
        {
            ("Connection", "keep-alive"),
            ("Content-Length", length),
            ("Content-Type", "application/json"),
            ("Date", date),
            ("X-Amz-Executed-Version", "$LATEST"),
            ("x-amzn-Remapped-Content-Length", "0"),
            ("x-amzn-RequestId", requestId),
            ("X-Amzn-Trace-Id", traceId),
        };

        var result = new JsonObject { ["ExecutedVersion"] = "$LATEST", ["Payload"] = payload };
        SdkHttpMetadata.AddTo(result, headers, statusCode, requestId);
        result["StatusCode"] = statusCode;
        return result;
    }
}
