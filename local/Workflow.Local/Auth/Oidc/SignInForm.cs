using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Workflow.Local.Auth;

/// <summary>Reads the identity a developer chose on the sign-in page: user name, optional e-mail, groups.</summary>
public static partial class SignInForm
{
    public static (LocalIdentity? Identity, string? Problem) Read(IFormCollection form)
    {
        var username = form["username"].Count == 1 ? form["username"][0]!.Trim() : "";
        if (!UserName().IsMatch(username))
        {
            return (null, "User name: 1 to 128 letters, digits or . _ @ + - characters.");
        }

        var email = form["email"].Count == 1 ? form["email"][0]!.Trim() : "";
        if (email.Length == 0)
        {
            email = username.Contains('@', StringComparison.Ordinal) ? username : username + "@example.com";
        }
        else if (email.Length > 254 || !Email().IsMatch(email))
        {
            return (null, "E-mail: not an e-mail address.");
        }

        var groups = form["groups"].Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim())
            .Concat((form["otherGroups"].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (groups.Any(g => !GroupName().IsMatch(g)))
        {
            return (null, "Groups: names of 1 to 128 letters, digits or . _ @ + - characters, separated by commas.");
        }

        return (new LocalIdentity(username, email, groups), null);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._@+\-]{1,128}$")]
    private static partial Regex UserName();

    [GeneratedRegex(@"^[A-Za-z0-9._@+\-]{1,128}$")]
    private static partial Regex GroupName();

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+$")]
    private static partial Regex Email();
}
