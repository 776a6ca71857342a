using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Local.Auth;

/// <summary>
/// The local stand-in for Cognito's managed login page: no password, the developer picks a sample user or types a
/// name, e-mail and groups. Every value is HTML-encoded; the page runs no script and allows only its own style.
/// </summary>
public static class SignInPage
{
    private const string Style =
        "body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}"
        + "h1{font-size:1.4rem}fieldset{border:1px solid #bbb;border-radius:6px;margin:1rem 0;padding:1rem}"
        + "label{display:block;margin:.5rem 0 .2rem}input[type=text],input[type=email]{width:100%;padding:.5rem;box-sizing:border-box}"
        + "button{padding:.6rem 1rem;margin:.25rem .25rem .25rem 0;font:inherit;cursor:pointer}"
        + ".error{color:#a00;font-weight:bold}.note{color:#555;font-size:.9rem}";

    /// <summary>The Content-Security-Policy of the page: nothing but this style and posting the form to itself.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Sample users offered as one-click sign-ins: a requester and two approvers (to try "decided first").</summary>
    private static readonly (string Username, bool Approver, string Role)[] Samples =
    [
        ("alice", false, "requester"),
        ("bob", true, "approver"),
        ("carol", true, "approver"),
    ];

    public static string Render(AuthorizeRequest request, IReadOnlyList<string> groups, string? error)
    {
        var approverGroup = groups.Count > 0 ? groups[0] : "approvers";
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Sign in (local development)</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<h1>Sign in (local development)</h1>")
            .Append("<p class=\"note\">The local runtime's stand-in for the Cognito sign-in page: no password, choose who you are.</p>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        html.Append("<fieldset><legend>Sample users</legend>");
        foreach (var (username, approver, role) in Samples)
        {
            html.Append("<form method=\"post\">");
            Hidden(html, request);
            html.Append("<input type=\"hidden\" name=\"username\" value=\"").Append(username).Append("\">");
            if (approver)
            {
                html.Append("<input type=\"hidden\" name=\"groups\" value=\"").Append(Encode(approverGroup)).Append("\">");
            }

            html.Append("<button type=\"submit\">Sign in as ").Append(username).Append(" (").Append(role).Append(")</button></form>");
        }

        html.Append("</fieldset><form method=\"post\"><fieldset><legend>Another user</legend>");
        Hidden(html, request);
        html.Append("<label for=\"username\">User name</label><input type=\"text\" id=\"username\" name=\"username\" required maxlength=\"128\" autocomplete=\"username\">")
            .Append("<label for=\"email\">E-mail (optional)</label><input type=\"email\" id=\"email\" name=\"email\" maxlength=\"254\" autocomplete=\"email\">");
        foreach (var group in groups)
        {
            var id = "group-" + Encode(group);
            html.Append("<label><input type=\"checkbox\" name=\"groups\" value=\"").Append(Encode(group)).Append("\" id=\"").Append(id).Append("\"> member of ")
                .Append(Encode(group)).Append("</label>");
        }

        html.Append("<label for=\"other-groups\">Other groups (comma-separated)</label><input type=\"text\" id=\"other-groups\" name=\"otherGroups\" maxlength=\"512\">")
            .Append("<p><button type=\"submit\">Sign in</button></p></fieldset></form></body></html>");
        return html.ToString();
    }

    public static string RenderError(string message) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in request rejected</title><style>" + Style
        + "</style></head><body><h1>Sign-in request rejected</h1><p class=\"error\" role=\"alert\">" + Encode(message) + "</p></body></html>";

    private static void Hidden(StringBuilder html, AuthorizeRequest request)
    {
        Field(html, "response_type", "code");
        Field(html, "client_id", request.ClientId);
        Field(html, "redirect_uri", request.RedirectUri);
        Field(html, "code_challenge", request.CodeChallenge);
        Field(html, "code_challenge_method", "S256");
        Field(html, "scope", request.Scope);
        if (request.State is not null)
        {
            Field(html, "state", request.State);
        }

        if (request.Nonce is not null)
        {
            Field(html, "nonce", request.Nonce);
        }
    }

    private static void Field(StringBuilder html, string name, string value) =>
        html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(Encode(value)).Append("\">");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
