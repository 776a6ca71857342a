namespace Workflow.Domain;

/// <summary>Stable problem type URIs (relative references are allowed by RFC 9457).</summary>
public static class ProblemTypes
{
    public static string For(int status) => status switch
    {
        400 => "/problems/bad-request",
        401 => "/problems/unauthenticated",
        403 => "/problems/forbidden",
        404 => "/problems/not-found",
        405 => "/problems/method-not-allowed",
        409 => "/problems/conflict",
        413 => "/problems/payload-too-large",
        415 => "/problems/unsupported-media-type",
        422 => "/problems/validation",
        503 => "/problems/unavailable",
        _ => "about:blank",
    };
}
