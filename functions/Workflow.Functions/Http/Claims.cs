using System.Text.Json;
using Workflow.Domain;

namespace Workflow.Functions.Http;

/// <summary>The caller from the JWT authorizer's claims. Client id = <c>sub</c>.</summary>
public static class Claims
{
    public static Caller? CallerFrom(HttpApiRequest request, string groupsClaim)
    {
        var jwt = request.RequestContext?.Authorizer?.Jwt;
        var subject = jwt?.Claim("sub");
        if (jwt is null || string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        return new Caller(subject, ParseList(jwt.Claim(groupsClaim)), jwt.Claim("email"), jwt.Claim("cognito:username") ?? jwt.Claim("username"));
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
