namespace Workflow.Local.Template;

/// <summary>What to load and with which parameter values; <see cref="StackName"/> null means: from samconfig.toml or the folder name.</summary>
public sealed record TemplateLoadOptions(
    string TemplatePath,
    IReadOnlyDictionary<string, string> ParameterOverrides,
    string Region = "us-east-1",
    string AccountId = "123456789012",
    string? StackName = null);
