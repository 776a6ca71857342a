namespace Workflow.Local.Template;

/// <summary>
/// Amazon Cognito references. A user pool is the issuer of the application's tokens; locally the runtime itself is that
/// issuer (its development OpenID Connect provider), so the pool's provider URL resolves to <see cref="LocalIssuer"/>
/// and the app client's id to a stable local id: the JWT authorizer wired to the pool then accepts the runtime's tokens.
/// </summary>
internal sealed partial class TemplateContext
{
    /// <summary>The local OpenID Connect issuer standing in for every user pool; null resolves to Cognito's URL.</summary>
    public Uri? LocalIssuer { get; init; }

    private string UserPoolId(string logicalId, int line)
    {
        _ = PhysicalName(logicalId, line); // a pool whose condition is false cannot be referenced
        return $"{Region}_{StableId(logicalId, 9)}";
    }

    private string UserPoolClientId(string logicalId, int line)
    {
        _ = PhysicalName(logicalId, line);
        return StableId(logicalId, 26);
    }

    private string CognitoAttribute(TemplateResource resource, string attribute, int line) => (resource.Type, attribute) switch
    {
        ("AWS::Cognito::UserPool", "UserPoolId") => UserPoolId(resource.LogicalId, line),
        // The issuer of the pool's tokens, e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123.
        ("AWS::Cognito::UserPool", "ProviderURL") => ProviderUrl(resource.LogicalId, line),
        ("AWS::Cognito::UserPool", "ProviderName") => ProviderUrl(resource.LogicalId, line).Split("://", 2)[1],
        ("AWS::Cognito::UserPoolClient", "ClientId") => UserPoolClientId(resource.LogicalId, line),
        _ => throw UnknownAttribute(resource.LogicalId, resource.Type, attribute, line),
    };

    private string ProviderUrl(string logicalId, int line)
    {
        var poolId = UserPoolId(logicalId, line);
        return LocalIssuer is { } local ? local.ToString().TrimEnd('/') : $"https://cognito-idp.{Region}.{UrlSuffix}/{poolId}";
    }
}
