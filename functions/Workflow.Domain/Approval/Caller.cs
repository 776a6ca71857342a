namespace Workflow.Domain;

/// <summary>The authenticated caller: the JWT subject, optional e-mail/username, and group memberships.</summary>
public sealed record Caller(string Id, IReadOnlyCollection<string> Groups, string? Email = null, string? Username = null)
{
    public bool IsInGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> names this caller (subject, e-mail or username).</summary>
    public bool IsNamed(string name)
    {
        var trimmed = name.Trim();
        return string.Equals(trimmed, Id, StringComparison.Ordinal)
            || (Email is not null && string.Equals(trimmed, Email, StringComparison.OrdinalIgnoreCase))
            || (Username is not null && string.Equals(trimmed, Username, StringComparison.OrdinalIgnoreCase));
    }
}
