using System.Text.Json.Nodes;

namespace Workflow.Functions.Tests.Support;

/// <summary>HTTP API payload format 2.0 events, as API Gateway sends them after the JWT authorizer.</summary>
public static class ApiRequests
{
    public static string Post(string path, string? body, string? clientId, string? groups = null, IDictionary<string, string>? headers = null, bool base64 = false, IDictionary<string, string>? pathParameters = null) =>
        Build("POST", path, body, clientId, groups, headers, null, base64, pathParameters);

    public static string Get(string path, string? clientId, string? groups = null, IDictionary<string, string>? query = null, IDictionary<string, string>? pathParameters = null) =>
        Build("GET", path, null, clientId, groups, null, query, false, pathParameters);

    public static Dictionary<string, string> Id(string jobId) => new() { ["id"] = jobId };

    private static string Build(string method, string path, string? body, string? clientId, string? groups, IDictionary<string, string>? headers,
        IDictionary<string, string>? query, bool base64, IDictionary<string, string>? pathParameters)
    {
        var headerObject = new JsonObject { ["content-type"] = "application/json", ["host"] = "api.example.com" };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            headerObject[name.ToLowerInvariant()] = value;
        }

        var claims = new JsonObject();
        if (clientId is not null)
        {
            claims["sub"] = clientId;
            claims["email"] = $"{clientId}@example.com";
        }

        if (groups is not null)
        {
            claims["cognito:groups"] = groups;
        }

        var request = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = $"{method} {path}",
            ["rawPath"] = path,
            ["rawQueryString"] = query is null ? "" : string.Join("&", query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")),
            ["headers"] = headerObject,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "api",
                ["requestId"] = Guid.NewGuid().ToString(),
                ["stage"] = "$default",
                ["http"] = new JsonObject { ["method"] = method, ["path"] = path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "192.0.2.1", ["userAgent"] = "tests" },
                ["authorizer"] = new JsonObject { ["jwt"] = new JsonObject { ["claims"] = claims, ["scopes"] = null } },
            },
            ["isBase64Encoded"] = base64,
        };
        if (query is not null)
        {
            request["queryStringParameters"] = new JsonObject(query.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        if (pathParameters is not null)
        {
            request["pathParameters"] = new JsonObject(pathParameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        if (body is not null)
        {
            request["body"] = body;
        }

        return request.ToJsonString();
    }
}
