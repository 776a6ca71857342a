using System.Text.Json;
using Workflow.Domain;

namespace Workflow.Functions.Http;

/// <summary>The caller from the JWT authorizer's claims. Client id = <c>sub</c>.</summary>
public static class Claims
{
    public static Caller? CallerFrom(HttpApiRequest request, string groupsClaim)
    {
        var claims = request.RequestContext?.Authorizer?.Jwt?.Claims;
        if (claims is null || !claims.TryGetValue("sub", out var subject) || string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var groups = claims.TryGetValue(groupsClaim, out var raw) ? ParseList(raw) : [];
        return new Caller(subject, groups, claims.GetValueOrDefault("email"), claims.GetValueOrDefault("cognito:username") ?? claims.GetValueOrDefault("username"));
    }

    /// <summary>
    /// API Gateway renders array claims as <c>[a b c]</c>; local tokens may carry a JSON array or a comma list.
    /// </summary>
    public static IReadOnlyList<string> ParseList(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var text = raw.Trim();
        if (text.StartsWith('['))
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(text, ClaimsJsonContext.Default.StringArray);
                if (parsed is not null)
                {
                    return parsed.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
                }
            }
            catch (JsonException)
            {
                // Not JSON: the API Gateway rendering "[a b c]".
            }

            text = text.TrimStart('[').TrimEnd(']');
        }

        return text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class ClaimsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
