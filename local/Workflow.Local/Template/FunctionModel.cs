namespace Workflow.Local.Template;

/// <summary>An <c>AWS::Serverless::Function</c> (or <c>AWS::Lambda::Function</c>) after Globals were merged in.</summary>
public sealed record FunctionModel(
    string LogicalId,
    string FunctionName,
    string Arn,
    string CodeUri,
    string Handler,
    string Runtime,
    int TimeoutSeconds,
    int MemorySize,
    string Architecture,
    IReadOnlyDictionary<string, string> Environment,
    string? BuildMethod,
    IReadOnlyList<FunctionEventModel> Events);

/// <summary>One entry of a SAM function's <c>Events</c>, with its resolved properties as JSON.</summary>
public sealed record FunctionEventModel(string Name, string Type, string PropertiesJson);
