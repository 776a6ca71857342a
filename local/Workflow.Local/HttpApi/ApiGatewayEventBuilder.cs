using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workflow.Local.Auth;

namespace Workflow.Local.HttpApi;

/// <summary>Builds the API Gateway HTTP API payload format 2.0 event a function receives.</summary>
public static class ApiGatewayEventBuilder
{
    public static byte[] Build(
        ApiGatewayRequest request, RouteMatch match, JwtValidationResult? authorization,
        string accountId, string apiId, string requestId, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the event is data for the function, and '+' or '&' should read as themselves.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            var cookies = new List<string>();
            foreach (var (name, value) in request.Headers)
            {
                var key = name.ToLowerInvariant();
                if (key == "cookie")
                {
                    cookies.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    continue;
                }

                headers[key] = headers.TryGetValue(key, out var existing) ? existing + "," + value : value;
            }

            writer.WriteStartObject();
            writer.WriteString("version", "2.0");
            writer.WriteString("routeKey", match.Route.RouteKey);
            writer.WriteString("rawPath", request.RawPath);
            writer.WriteString("rawQueryString", request.RawQueryString);
            if (cookies.Count > 0)
            {
                writer.WriteStartArray("cookies");
                cookies.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
            }

            WriteMap(writer, "headers", headers, always: true);
            WriteMap(writer, "queryStringParameters", QueryParameters(request.RawQueryString), always: false);
            WriteRequestContext(writer, request, match, authorization, accountId, apiId, requestId, now, headers);
            WriteMap(writer, "pathParameters", match.PathParameters, always: false);
            if (!request.Body.IsEmpty)
            {
                var text = IsText(headers.GetValueOrDefault("content-type"));
                writer.WriteString("body", text ? Encoding.UTF8.GetString(request.Body.Span) : Convert.ToBase64String(request.Body.Span));
                writer.WriteBoolean("isBase64Encoded", !text);
            }
            else
            {
                writer.WriteBoolean("isBase64Encoded", false);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRequestContext(
        Utf8JsonWriter writer, ApiGatewayRequest request, RouteMatch match, JwtValidationResult? authorization,
        string accountId, string apiId, string requestId, DateTimeOffset now, Dictionary<string, string> headers)
    {
        writer.WriteStartObject("requestContext");
        writer.WriteString("accountId", accountId);
        writer.WriteString("apiId", apiId);
        if (authorization is { IsValid: true })
        {
            writer.WriteStartObject("authorizer");
            writer.WriteStartObject("jwt");
            WriteMap(writer, "claims", authorization.Claims, always: true);
            if (authorization.Scopes is { } scopes)
            {
                writer.WriteStartArray("scopes");
                foreach (var scope in scopes)
                {
                    writer.WriteStringValue(scope);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNull("scopes");
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteString("domainName", request.Host);
        writer.WriteString("domainPrefix", request.Host.Split('.', ':')[0]);
        writer.WriteStartObject("http");
        writer.WriteString("method", request.Method);
        writer.WriteString("path", request.RawPath);
        writer.WriteString("protocol", request.Protocol);
        writer.WriteString("sourceIp", request.SourceIp);
        writer.WriteString("userAgent", headers.GetValueOrDefault("user-agent") ?? "");
        writer.WriteEndObject();
        writer.WriteString("requestId", requestId);
        writer.WriteString("routeKey", match.Route.RouteKey);
        writer.WriteString("stage", "$default");
        writer.WriteString("time", now.ToUniversalTime().ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
        writer.WriteNumber("timeEpoch", now.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> values, bool always)
    {
        if (values.Count == 0 && !always)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Query parameters decoded; a repeated name gets its values joined with commas, as API Gateway does.</summary>
    public static Dictionary<string, string> QueryParameters(string rawQueryString)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQueryString.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            result[name] = result.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>Bodies of these content types reach the function as text; anything else is base64-encoded.</summary>
    public static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media.StartsWith("text/", StringComparison.Ordinal)
            || media is "application/json" or "application/xml" or "application/javascript" or "application/x-www-form-urlencoded"
                or "application/graphql" or "application/x-yaml" or "application/yaml"
            || media.EndsWith("+json", StringComparison.Ordinal) || media.EndsWith("+xml", StringComparison.Ordinal);
    }
}
