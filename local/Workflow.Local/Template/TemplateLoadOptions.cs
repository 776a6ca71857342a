namespace Workflow.Local.Template;

/// <summary>
/// What to load and with which parameter values; <see cref="StackName"/> null means: from samconfig.toml or the folder
/// name. <see cref="LocalIssuer"/> is what a Cognito user pool's provider URL resolves to (the runtime's own issuer).
/// </summary>
public sealed record TemplateLoadOptions(
    string TemplatePath,
    IReadOnlyDictionary<string, string> ParameterOverrides,
    string Region = "us-east-1",
    string AccountId = "123456789012",
    string? StackName = null,
    Uri? LocalIssuer = null);
