namespace Workflow.Local.Template;

/// <summary>An API Gateway HTTP API (explicit <c>AWS::Serverless::HttpApi</c> or SAM's implicit one).</summary>
public sealed record HttpApiModel(
    string LogicalId,
    string ApiId,
    string StageName,
    IReadOnlyList<HttpRouteModel> Routes,
    IReadOnlyDictionary<string, JwtAuthorizerModel> Authorizers,
    string? DefaultAuthorizer);

/// <summary>
/// One route. <see cref="Method"/> is upper case or <c>ANY</c>; <see cref="Path"/> is the template's path
/// (<c>/jobs/{id}</c>, <c>/files/{proxy+}</c>) or <c>$default</c>. <see cref="AuthorizerName"/> is null when the
/// route is open.
/// </summary>
public sealed record HttpRouteModel(
    string Method,
    string Path,
    string FunctionLogicalId,
    string FunctionName,
    string? AuthorizerName,
    IReadOnlyList<string> AuthorizationScopes,
    string PayloadFormatVersion,
    int TimeoutInMillis)
{
    public string RouteKey => Path == "$default" ? "$default" : $"{Method} {Path}";
}

/// <summary>A JWT authorizer: tokens must come from <see cref="Issuer"/> for one of <see cref="Audience"/>.</summary>
public sealed record JwtAuthorizerModel(
    string Name,
    string Issuer,
    IReadOnlyList<string> Audience,
    string IdentitySource);
