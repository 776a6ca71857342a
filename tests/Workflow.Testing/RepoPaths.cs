namespace Workflow.Testing;

/// <summary>Well-known folders of the repository, found from the test binaries' location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds Workflow.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared conformance data beside the repository (<c>../shared/conformance</c>).</summary>
    public static string SharedConformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));

    /// <summary>The shared benchmark state machines beside the repository (<c>../shared/bench</c>).</summary>
    public static string SharedBench => Path.GetFullPath(Path.Combine(Root, "..", "shared", "bench"));

    /// <summary>A path inside the repository.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Workflow.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"No folder containing Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
