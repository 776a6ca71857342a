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

/// <summary>JWT authorizer output; claim values arrive as strings (arrays rendered as <c>[a b c]</c>).</summary>
public sealed class HttpApiJwt
{
    public Dictionary<string, string>? Claims { get; set; }
    public List<string>? Scopes { get; set; }
}
