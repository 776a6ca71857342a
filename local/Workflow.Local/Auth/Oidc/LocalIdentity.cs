using System.Security.Cryptography;
using System.Text;

namespace Workflow.Local.Auth;

/// <summary>
/// Who a developer signed in as on the local sign-in page. Like Cognito, the subject is a UUID (derived from the user
/// name, so the same name is the same user across restarts) and the user name is a separate claim.
/// </summary>
public sealed record LocalIdentity(string Username, string Email, IReadOnlyList<string> Groups)
{
    public string Subject
    {
        get
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes("workflow-local-user/" + Username.ToLowerInvariant()));
            return new Guid(hash.AsSpan(0, 16)).ToString();
        }
    }
}
