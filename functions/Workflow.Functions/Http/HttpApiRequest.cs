namespace Workflow.Functions.Http;

/// <summary>API Gateway HTTP API event, payload format 2.0 (the members this application reads).</summary>
public sealed class HttpApiRequest
{
    public string? Version { get; set; }
    public string? RouteKey { get; set; }
    public string? RawPath { get; set; }
    public string? RawQueryString { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public Dictionary<string, string>? QueryStringParameters { get; set; }
    public Dictionary<string, string>? PathParameters { get; set; }
    public HttpApiRequestContext? RequestContext { get; set; }
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }

    /// <summary>Header lookup ignoring case (API Gateway lower-cases names, local callers may not).</summary>
    public string? Header(string name)
    {
        if (Headers is null)
        {
            return null;
        }

        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public string? Query(string name) => QueryStringParameters is not null && QueryStringParameters.TryGetValue(name, out var value) ? value : null;

    public string? PathParameter(string name) => PathParameters is not null && PathParameters.TryGetValue(name, out var value) ? value : null;
}

public sealed class HttpApiRequestContext
{
    public string? AccountId { get; set; }
    public string? ApiId { get; set; }
    public string? RequestId { get; set; }
    public string? Stage { get; set; }
    public HttpApiHttpDescription? Http { get; set; }
    public HttpApiAuthorizer? Authorizer { get; set; }
}

public sealed class HttpApiHttpDescription
{
    public string? Method { get; set; }
    public string? Path { get; set; }
    public string? Protocol { get; set; }
    public string? SourceIp { get; set; }
    public string? UserAgent { get; set; }
}

public sealed class HttpApiAuthorizer
{
    public HttpApiJwt? Jwt { get; set; }
}

/// <summary>
/// JWT authorizer output. API Gateway sends every claim as a string (arrays rendered as <c>[a b c]</c>); other
/// senders may keep numbers and arrays as JSON, so values are read as JSON and turned into text.
/// </summary>
public sealed class HttpApiJwt
{
    public Dictionary<string, System.Text.Json.JsonElement>? Claims { get; set; }

    public string? Claim(string name) =>
        Claims is not null && Claims.TryGetValue(name, out var value)
            ? value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => value.GetString(),
                System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;
    public List<string>? Scopes { get; set; }
}
