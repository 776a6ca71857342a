using System.Text.Json.Nodes;

namespace Workflow.Local.Auth;

/// <summary>
/// What a development token says: subject, groups (the <c>cognito:groups</c> claim), scopes, extra claims, and the
/// user name (the subject when null).
/// </summary>
public sealed record TokenRequest(
    string Subject,
    IReadOnlyList<string> Groups,
    TimeSpan Lifetime,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, JsonNode?> ExtraClaims,
    string? Username = null)
{
    public const string GroupsClaim = "cognito:groups";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);
}
