using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workflow.Local.Template;

namespace Workflow.Local.Auth;

/// <summary>
/// Issues RS256 development tokens that the template's JWT authorizer accepts (its issuer, its first audience), shaped
/// like Cognito's: an access token carries <c>client_id</c> and <c>username</c>, an ID token <c>aud</c> and
/// <c>cognito:username</c>.
/// </summary>
public sealed class JwtIssuer(JwtSigningKey key, TimeProvider time)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(JwtAuthorizerModel authorizer, TokenRequest request, TokenUse use = TokenUse.Access)
    {
        var now = time.GetUtcNow();
        var expires = now + request.Lifetime;
        var header = Json(writer =>
        {
            writer.WriteString("alg", "RS256");
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", key.KeyId);
        });
        var payload = Json(writer =>
        {
            writer.WriteString("iss", authorizer.Issuer);
            writer.WriteString("sub", request.Subject);
            if (authorizer.Audience.Count > 0)
            {
                writer.WriteString("aud", authorizer.Audience[0]);
                if (use == TokenUse.Access)
                {
                    writer.WriteString("client_id", authorizer.Audience[0]);
                }
            }

            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            writer.WriteString("jti", Guid.NewGuid().ToString());
            writer.WriteString("token_use", use == TokenUse.Access ? "access" : "id");
            writer.WriteString(use == TokenUse.Access ? "username" : "cognito:username", request.Username ?? request.Subject);
            if (request.Groups.Count > 0)
            {
                writer.WriteStartArray(TokenRequest.GroupsClaim);
                foreach (var group in request.Groups)
                {
                    writer.WriteStringValue(group);
                }

                writer.WriteEndArray();
            }

            if (request.Scopes.Count > 0 && use == TokenUse.Access)
            {
                writer.WriteString("scope", string.Join(' ', request.Scopes));
            }

            foreach (var (name, value) in request.ExtraClaims)
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
        });
        var signingInput = Base64Url.Encode(header) + "." + Base64Url.Encode(payload);
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return (signingInput + "." + Base64Url.Encode(signature), expires);
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

/// <summary>Which of Cognito's two JWTs to issue.</summary>
public enum TokenUse
{
    Access,
    Id,
}
