using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>
/// The <c>SdkHttpMetadata</c> / <c>SdkResponseMetadata</c> members Step Functions adds to the results of optimized
/// integrations whose AWS SDK responses carry them (Lambda Invoke, DynamoDB): the HTTP headers as lists and as single
/// values, the status code and the request id.
/// </summary>
public static class SdkHttpMetadata
{
    public static void AddTo(JsonObject result, IReadOnlyList<(string Name, string Value)> headers, int statusCode, string requestId)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(headers);
        var allHeaders = new JsonObject();
        var singleHeaders = new JsonObject();
        foreach (var (name, value) in headers)
        {
            allHeaders[name] = new JsonArray(JsonValue.Create(value));
            singleHeaders[name] = value;
        }

        result["SdkHttpMetadata"] = new JsonObject
        {
            ["AllHttpHeaders"] = allHeaders,
            ["HttpHeaders"] = singleHeaders,
            ["HttpStatusCode"] = statusCode,
        };
        result["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
    }

    /// <summary>The HTTP date format of the <c>Date</c> header.</summary>
    public static string HttpDate(DateTimeOffset time) => time.ToString("r", CultureInfo.InvariantCulture);
}
