namespace Workflow.Local.LoadTest;

/// <summary>The repository folder (the one holding Workflow.sln), found upwards from this program.</summary>
internal static class RepoRoot
{
    public static string Find()
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

        throw new DirectoryNotFoundException($"no folder containing Workflow.sln above {AppContext.BaseDirectory}");
    }
}
