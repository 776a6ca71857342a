namespace Workflow.Local.Functions;

/// <summary>Where each function's build output lives: <c>&lt;data dir&gt;/build/&lt;LogicalId&gt;</c>.</summary>
public sealed class FunctionArtifacts(string dataDirectory)
{
    public string Root { get; } = Path.Combine(dataDirectory, "build");

    public string DirectoryOf(string logicalId) => Path.Combine(Root, logicalId);
}
