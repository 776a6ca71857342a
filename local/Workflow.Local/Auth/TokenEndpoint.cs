using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Workflow.Local.Hosting;
using Workflow.Local.Template;

namespace Workflow.Local.Auth;

/// <summary>
/// <c>POST /_local/token</c> with <c>{"sub":"alice","groups":["approvers"],"ttlSeconds":3600,"scopes":[],"claims":{}}</c>
/// answers <c>{"token": ..., "tokenType": "Bearer", "expiresAt": ...}</c>, a token the template's JWT authorizer accepts.
/// </summary>
public sealed class TokenEndpoint(ApplicationModel model, JwtIssuer issuer)
{
    public const string Path = "/_local/token";

    // A repeated member (two "sub"s) would otherwise surface later as an ArgumentException and a 500.
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    public async Task HandleAsync(HttpContext context)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, documentOptions: StrictJson, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await ProblemResponse.WriteAsync(context, 400, "Malformed JSON", ex.Message, [("body", "must be a JSON object")]).ConfigureAwait(false);
            return;
        }

        if (body is not JsonObject obj)
        {
            await ProblemResponse.WriteAsync(context, 400, "Invalid token request", "The body must be a JSON object.", [("body", "must be a JSON object")]).ConfigureAwait(false);
            return;
        }

        var (request, authorizerName, errors) = Parse(obj);
        var authorizer = Authorizer(model, authorizerName);
        if (authorizer is null)
        {
            errors.Add(("authorizer", model.HttpApi is { Authorizers.Count: > 0 } api
                ? $"unknown authorizer; the template defines {string.Join(", ", api.Authorizers.Keys)}"
                : "the template's HTTP API has no JWT authorizer"));
        }

        if (errors.Count > 0 || request is null || authorizer is null)
        {
            await ProblemResponse.WriteAsync(context, 400, "Invalid token request", "The token request has invalid fields.", errors).ConfigureAwait(false);
            return;
        }

        var (token, expiresAt) = issuer.Issue(authorizer, request);
        var response = new JsonObject
        {
            ["token"] = token,
            ["tokenType"] = "Bearer",
            ["expiresAt"] = expiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The named authorizer, else the API's default, else its only one.</summary>
    public static JwtAuthorizerModel? Authorizer(ApplicationModel model, string? name)
    {
        if (model.HttpApi is not { } api)
        {
            return null;
        }

        if (name is not null)
        {
            return api.Authorizers.GetValueOrDefault(name);
        }

        if (api.DefaultAuthorizer is { } defaultName)
        {
            return api.Authorizers[defaultName];
        }

        return api.Authorizers.Values.FirstOrDefault(a => api.Routes.Any(r => r.AuthorizerName == a.Name)) ?? api.Authorizers.Values.FirstOrDefault();
    }

    private static (TokenRequest? Request, string? Authorizer, List<(string Field, string Message)> Errors) Parse(JsonObject body)
    {
        var errors = new List<(string, string)>();
        string? Text(string field)
        {
            var node = body[field];
            if (node is null)
            {
                return null;
            }

            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                return text;
            }

            errors.Add((field, "must be a string"));
            return null;
        }

        List<string> Strings(string field)
        {
            switch (body[field])
            {
                case null:
                    return [];
                case JsonValue value when value.TryGetValue<string>(out var text):
                    return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                case JsonArray array when array.All(item => item is JsonValue v && v.TryGetValue<string>(out _)):
                    return array.Select(item => item!.GetValue<string>()).ToList();
                default:
                    errors.Add((field, "must be a list of strings"));
                    return [];
            }
        }

        var subject = Text("sub");
        if (string.IsNullOrWhiteSpace(subject))
        {
            errors.Add(("sub", "is required"));
        }

        var lifetime = TokenRequest.DefaultLifetime;
        if (body["ttlSeconds"] is { } ttlNode)
        {
            if (ttlNode is JsonValue ttlValue && ttlValue.TryGetValue<long>(out var seconds) && seconds > 0 && seconds <= TokenRequest.MaxLifetime.TotalSeconds)
            {
                lifetime = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                errors.Add(("ttlSeconds", $"must be a whole number of seconds between 1 and {TokenRequest.MaxLifetime.TotalSeconds}"));
            }
        }

        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        switch (body["claims"])
        {
            case null:
                break;
            case JsonObject claims:
                foreach (var (name, value) in claims)
                {
                    extra[name] = value?.DeepClone();
                }

                break;
            default:
                errors.Add(("claims", "must be a JSON object"));
                break;
        }

        var groups = Strings("groups");
        var scopes = Strings("scopes");
        var authorizer = Text("authorizer");
        return errors.Count > 0 || subject is null
            ? (null, authorizer, errors)
            : (new TokenRequest(subject, groups, lifetime, scopes, extra), authorizer, errors);
    }
}
