using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Functions.Http;
using Workflow.Functions.Json;

namespace Workflow.Functions.WebConsole;

/// <summary>
/// <c>GET /</c>, <c>GET /console</c>, <c>GET /console/{proxy+}</c> (no authorizer): the approvals console's page, its
/// scripts and styles, and <c>/console/config.json</c> telling the browser code where to sign in. Everything is
/// served under a Content-Security-Policy that allows scripts and styles from this origin only.
/// </summary>
public sealed class ConsoleHandler
{
    public const string Root = "/console";

    private readonly Lazy<ConsoleSettings> settings;

    public ConsoleHandler() : this(ConsoleSettings.FromEnvironment) { }

    public ConsoleHandler(Func<ConsoleSettings> settings) => this.settings = new Lazy<ConsoleSettings>(settings);

    public async Task<Stream> HandleAsync(Stream input)
    {
        HttpApiResponse response;
        try
        {
            var request = await JsonSerializer.DeserializeAsync(input, FunctionsJsonContext.Default.HttpApiRequest);
            response = Serve(request?.RawPath ?? "/");
        }
        catch (JsonException)
        {
            response = Responses.Problem(400, "Bad request", "The request event is not an HTTP API payload.");
        }

        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, response, FunctionsJsonContext.Default.HttpApiResponse);
        output.Position = 0;
        return output;
    }

    public HttpApiResponse Serve(string path)
    {
        if (path is "/" or "")
        {
            return Redirect(Root);
        }

        var relative = path == Root || path == Root + "/" ? "index.html"
            : path.StartsWith(Root + "/", StringComparison.Ordinal) ? path[(Root.Length + 1)..] : null;
        if (relative == "config.json")
        {
            return WithSecurityHeaders(Responses.Json(200, Config()));
        }

        if (relative is null || !ConsoleAssets.TryGet(relative, out var content, out var contentType))
        {
            return WithSecurityHeaders(Responses.Problem(404, "Not found", $"The console has no file {path}."));
        }

        var response = new HttpApiResponse { StatusCode = 200, Body = content };
        response.Headers["content-type"] = contentType;
        return WithSecurityHeaders(response);
    }

    private JsonObject Config()
    {
        var current = settings.Value;
        return new JsonObject
        {
            ["issuer"] = current.Issuer,
            ["clientId"] = current.ClientId,
            ["logoutEndpoint"] = current.CognitoDomainUrl is { } domain ? new Uri(domain, "/logout").ToString() : null,
            ["scopes"] = "openid email profile",
            ["approverGroup"] = current.ApproverGroup,
            ["development"] = current.Development,
        };
    }

    private HttpApiResponse WithSecurityHeaders(HttpApiResponse response)
    {
        var connect = string.Join(' ', new[] { "'self'" }.Concat(settings.Value.ConnectOrigins()).Distinct(StringComparer.Ordinal));
        response.Headers["content-security-policy"] =
            $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src {connect}; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers["x-content-type-options"] = "nosniff";
        response.Headers["referrer-policy"] = "no-referrer";
        // The files change with each deployment and are small: always revalidate.
        response.Headers["cache-control"] = "no-cache";
        return response;
    }

    private HttpApiResponse Redirect(string location)
    {
        var response = new HttpApiResponse { StatusCode = 302 };
        response.Headers["location"] = location;
        return WithSecurityHeaders(response);
    }
}
