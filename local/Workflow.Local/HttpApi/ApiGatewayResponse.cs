using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workflow.Local.HttpApi;

/// <summary>The HTTP response API Gateway makes of a function's payload format 2.0 result.</summary>
public sealed record ApiGatewayResponse(
    int StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyList<string> Cookies,
    byte[] Body)
{
    private static readonly byte[] InternalError = Encoding.UTF8.GetBytes("{\"message\":\"Internal Server Error\"}");

    /// <summary>API Gateway's own error responses: <c>{"message":"Not Found"}</c> and the like.</summary>
    public static ApiGatewayResponse Message(int status, string message) =>
        new(status, [new("content-type", "application/json")], [],
            Encoding.UTF8.GetBytes("{\"message\":" + JsonSerializer.Serialize(message, ApiJsonContext.Default.String) + "}"));

    public static ApiGatewayResponse ServerError() => new(500, [new("content-type", "application/json")], [], InternalError);

    /// <summary>
    /// A result with a <c>statusCode</c> is used as the response description; any other valid JSON is the body of a
    /// 200 <c>application/json</c> response (format 2.0's inference rule). An unusable result is a 500.
    /// </summary>
    public static ApiGatewayResponse FromFunctionResult(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return new ApiGatewayResponse(200, [new("content-type", "application/json")], [], []);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return ServerError();
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out var statusElement))
            {
                return Structured(root, statusElement);
            }

            var body = root.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(root.GetString()!) : payload.ToArray();
            return new ApiGatewayResponse(200, [new("content-type", "application/json")], [], body);
        }
    }

    private static ApiGatewayResponse Structured(JsonElement root, JsonElement statusElement)
    {
        int status;
        if (statusElement.ValueKind == JsonValueKind.Number && statusElement.TryGetInt32(out var number))
        {
            status = number;
        }
        else if (statusElement.ValueKind == JsonValueKind.String
                 && int.TryParse(statusElement.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            status = parsed;
        }
        else
        {
            return ServerError();
        }

        if (status is < 100 or > 599)
        {
            return ServerError();
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("headers", out var headerMap) && headerMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headerMap.EnumerateObject())
            {
                headers.Add(new(header.Name, Text(header.Value)));
            }
        }

        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.Array))
            {
                headers.Add(new(header.Name, string.Join(',', header.Value.EnumerateArray().Select(Text))));
            }
        }

        var cookies = new List<string>();
        if (root.TryGetProperty("cookies", out var cookieList) && cookieList.ValueKind == JsonValueKind.Array)
        {
            cookies.AddRange(cookieList.EnumerateArray().Select(Text));
        }

        byte[] body = [];
        if (root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
        {
            var text = bodyElement.ValueKind == JsonValueKind.String ? bodyElement.GetString()! : bodyElement.GetRawText();
            var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
            try
            {
                body = base64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
            }
            catch (FormatException)
            {
                return ServerError();
            }
        }

        return new ApiGatewayResponse(status, headers, cookies, body);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
