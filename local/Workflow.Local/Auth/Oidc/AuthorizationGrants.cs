using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Workflow.Local.Auth;

/// <summary>
/// Authorization codes (single use, five minutes like Cognito's) and refresh tokens of the development provider, in
/// memory: after a restart a developer simply signs in again.
/// </summary>
public sealed class AuthorizationGrants(TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshGrant> _refreshTokens = new(StringComparer.Ordinal);

    public string IssueCode(LocalIdentity identity, string clientId, string redirectUri, string codeChallenge, string? nonce)
    {
        var code = RandomToken();
        _codes[code] = new PendingCode(identity, clientId, redirectUri, codeChallenge, nonce, time.GetUtcNow(), time.GetUtcNow() + CodeLifetime);
        return code;
    }

    /// <summary>Takes the code out (a code is used once) if it exists and has not expired.</summary>
    public PendingCode? RedeemCode(string code) =>
        _codes.TryRemove(code, out var pending) && pending.ExpiresAt > time.GetUtcNow() ? pending : null;

    public string IssueRefreshToken(LocalIdentity identity, string clientId, DateTimeOffset authTime)
    {
        var token = RandomToken();
        _refreshTokens[token] = new RefreshGrant(identity, clientId, authTime, time.GetUtcNow() + RefreshLifetime);
        return token;
    }

    public RefreshGrant? FindRefreshToken(string token) =>
        _refreshTokens.TryGetValue(token, out var grant) && grant.ExpiresAt > time.GetUtcNow() ? grant : null;

    private static string RandomToken() => Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
}

public sealed record PendingCode(
    LocalIdentity Identity, string ClientId, string RedirectUri, string CodeChallenge, string? Nonce, DateTimeOffset AuthTime, DateTimeOffset ExpiresAt);

public sealed record RefreshGrant(LocalIdentity Identity, string ClientId, DateTimeOffset AuthTime, DateTimeOffset ExpiresAt);
