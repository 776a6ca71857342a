using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workflow.Local.Template;

namespace Workflow.Local.Auth;

/// <summary>
/// API Gateway's JWT authorizer, locally: RS256 signature by the local key, <c>iss</c> equal to the authorizer's issuer,
/// <c>aud</c> (or <c>client_id</c>) among its audiences, <c>exp</c>/<c>nbf</c> against the injected clock, and at least
/// one of the route's scopes when the route lists scopes.
/// </summary>
public sealed class JwtValidator(JwtSigningKey key, TimeProvider time)
{
    public JwtValidationResult Validate(string? authorizationValue, JwtAuthorizerModel authorizer, IReadOnlyList<string> routeScopes)
    {
        if (string.IsNullOrWhiteSpace(authorizationValue))
        {
            return JwtValidationResult.Unauthorized("missing token");
        }

        var token = authorizationValue.Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..].Trim();
        }

        var parts = token.Split('.');
        if (parts.Length != 3
            || !Base64Url.TryDecode(parts[0], out var headerBytes)
            || !Base64Url.TryDecode(parts[1], out var payloadBytes)
            || !Base64Url.TryDecode(parts[2], out var signature))
        {
            return JwtValidationResult.Unauthorized("malformed token");
        }

        JsonDocument header;
        JsonDocument payload;
        try
        {
            header = JsonDocument.Parse(headerBytes);
            payload = JsonDocument.Parse(payloadBytes);
        }
        catch (JsonException)
        {
            return JwtValidationResult.Unauthorized("malformed token");
        }

        using (header)
        using (payload)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return JwtValidationResult.Unauthorized("malformed token");
            }

            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256")
            {
                return JwtValidationResult.Unauthorized("unsupported algorithm");
            }

            var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!key.Rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return JwtValidationResult.Unauthorized("bad signature");
            }

            var claims = payload.RootElement;
            if (StringClaim(claims, "iss") != authorizer.Issuer)
            {
                return JwtValidationResult.Unauthorized("wrong issuer");
            }

            if (!AudienceMatches(claims, authorizer.Audience))
            {
                return JwtValidationResult.Unauthorized("wrong audience");
            }

            var now = time.GetUtcNow().ToUnixTimeSeconds();
            if (NumberClaim(claims, "exp") is not { } exp || exp <= now)
            {
                return JwtValidationResult.Unauthorized("expired token");
            }

            if (NumberClaim(claims, "nbf") is { } nbf && nbf > now)
            {
                return JwtValidationResult.Unauthorized("token not yet valid");
            }

            var scopes = Scopes(claims);
            if (routeScopes.Count > 0 && (scopes is null || !routeScopes.Any(scopes.Contains)))
            {
                return JwtValidationResult.Forbidden("insufficient scopes");
            }

            return new JwtValidationResult(true, 200, null, RenderClaims(claims), scopes);
        }
    }

    private static string? StringClaim(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? NumberClaim(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? (long)Math.Floor(number)
            : null;

    private static bool AudienceMatches(JsonElement claims, IReadOnlyList<string> audiences)
    {
        if (audiences.Count == 0)
        {
            return true;
        }

        if (claims.TryGetProperty("aud", out var aud))
        {
            var values = aud.ValueKind switch
            {
                JsonValueKind.String => [aud.GetString()],
                JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()).ToArray(),
                _ => Array.Empty<string?>(),
            };
            return values.Any(v => v is not null && audiences.Contains(v));
        }

        return StringClaim(claims, "client_id") is { } clientId && audiences.Contains(clientId);
    }

    private static List<string>? Scopes(JsonElement claims)
    {
        if (StringClaim(claims, "scope") is { } scope)
        {
            return scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        if (claims.TryGetProperty("scp", out var scp) && scp.ValueKind == JsonValueKind.Array)
        {
            return scp.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList();
        }

        return null;
    }

    /// <summary>API Gateway passes every claim as a string; arrays become <c>[a b c]</c>.</summary>
    private static Dictionary<string, string> RenderClaims(JsonElement claims)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in claims.EnumerateObject())
        {
            result[claim.Name] = Render(claim.Value);
        }

        return result;
    }

    private static string Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "",
        JsonValueKind.Array => "[" + string.Join(' ', value.EnumerateArray().Select(Render)) + "]",
        _ => value.GetRawText(),
    };
}
