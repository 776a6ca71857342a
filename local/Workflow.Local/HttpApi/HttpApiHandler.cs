using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Workflow.Local.Auth;
using Workflow.Local.Functions;
using Workflow.Local.Template;

namespace Workflow.Local.HttpApi;

/// <summary>
/// Serves the template's HTTP API: route selection, JWT authorizer, payload 2.0 event, function call, response mapping,
/// and API Gateway's own error answers (404 Not Found, 401 Unauthorized, 413, 500, 503).
/// </summary>
public sealed class HttpApiHandler
{
    /// <summary>API Gateway's request payload limit.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public const string RequestIdItem = "apigw-requestid";

    private readonly ApplicationModel _model;
    private readonly IFunctionInvoker _invoker;
    private readonly JwtValidator _validator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RouteTable? _routes;

    public HttpApiHandler(ApplicationModel model, IFunctionInvoker invoker, JwtValidator validator, TimeProvider time, ILogger<HttpApiHandler> logger)
    {
        _model = model;
        _invoker = invoker;
        _validator = validator;
        _time = time;
        _logger = logger;
        _routes = model.HttpApi is { } api ? new RouteTable(api.Routes) : null;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = NewRequestId();
        context.Items[RequestIdItem] = requestId;
        var response = await ProcessAsync(context, requestId).ConfigureAwait(false);
        await WriteAsync(context, response, requestId).ConfigureAwait(false);
    }

    private async Task<ApiGatewayResponse> ProcessAsync(HttpContext context, string requestId)
    {
        var api = _model.HttpApi;
        var request = context.Request;
        var match = _routes?.Match(request.Method, request.Path.Value ?? "/");
        if (api is null || match is null)
        {
            return ApiGatewayResponse.Message(404, "Not Found");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return ApiGatewayResponse.Message(413, "Request Entity Too Large");
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return ApiGatewayResponse.Message(413, "Request Entity Too Large");
        }

        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
        JwtValidationResult? authorization = null;
        if (match.Route.AuthorizerName is { } authorizerName)
        {
            var authorizer = api.Authorizers[authorizerName];
            authorization = _validator.Validate(IdentityValue(context, authorizer.IdentitySource), authorizer, match.Route.AuthorizationScopes);
            if (!authorization.IsValid)
            {
                _logger.LogInformation("JWT authorizer {Authorizer} refused {Method} {Path}: {Reason}", authorizerName, request.Method, request.Path.Value, authorization.Failure);
                return authorization.StatusCode == 403 ? ApiGatewayResponse.Message(403, "Forbidden") : ApiGatewayResponse.Message(401, "Unauthorized");
            }
        }

        var gatewayRequest = new ApiGatewayRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            request.Protocol,
            context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            request.Host.Value ?? "localhost",
            headers,
            body);
        var payload = ApiGatewayEventBuilder.Build(gatewayRequest, match, authorization, _model.AccountId, api.ApiId, requestId, _time.GetUtcNow());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(match.Route.TimeoutInMillis));
        try
        {
            var result = await _invoker.InvokeAsync(match.Route.FunctionName, payload, timeout.Token).ConfigureAwait(false);
            if (result.IsError)
            {
                _logger.LogWarning("{Route} → {Function} failed: {ErrorType}: {ErrorMessage}", match.Route.RouteKey, match.Route.FunctionName, result.ErrorType, result.ErrorMessage);
                return ApiGatewayResponse.ServerError();
            }

            return ApiGatewayResponse.FromFunctionResult(result.Payload);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogWarning("{Route} → {Function}: integration timed out after {Timeout} ms", match.Route.RouteKey, match.Route.FunctionName, match.Route.TimeoutInMillis);
            return ApiGatewayResponse.Message(503, "Service Unavailable");
        }
        catch (FunctionNotFoundException ex)
        {
            _logger.LogError("{Route}: {Message}", match.Route.RouteKey, ex.Message);
            return ApiGatewayResponse.ServerError();
        }
    }

    /// <summary>Reads the body, or returns null when it is larger than API Gateway accepts.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The token named by the authorizer's identity source (<c>$request.header.X</c> or <c>$request.querystring.x</c>).</summary>
    private static string? IdentityValue(HttpContext context, string identitySource)
    {
        foreach (var source in identitySource.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            const string header = "$request.header.";
            const string query = "$request.querystring.";
            if (source.StartsWith(header, StringComparison.OrdinalIgnoreCase))
            {
                var value = context.Request.Headers[source[header.Length..]].ToString();
                if (value.Length > 0)
                {
                    return value;
                }
            }
            else if (source.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            {
                var value = context.Request.Query[source[query.Length..]].ToString();
                if (value.Length > 0)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static async Task WriteAsync(HttpContext context, ApiGatewayResponse response, string requestId)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase) || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            http.Headers.Append(name, value);
        }

        foreach (var cookie in response.Cookies)
        {
            http.Headers.Append("set-cookie", cookie);
        }

        http.Headers["apigw-requestid"] = requestId;
        http.ContentLength = response.Body.Length;
        if (response.Body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            await http.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Request ids shaped like API Gateway's (<c>JKJaXmPLvHcESHA=</c>).</summary>
    private static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', 'A').Replace('/', 'B');
    }
}
