namespace Workflow.Local.Functions;

/// <summary>Where each function's build output lives: <c>&lt;build root&gt;/&lt;LogicalId&gt;</c> (by default <c>&lt;data dir&gt;/build</c>).</summary>
public sealed class FunctionArtifacts(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string DirectoryOf(string logicalId) => Path.Combine(Root, logicalId);

    public static FunctionArtifacts InDataDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, "build"));
}
