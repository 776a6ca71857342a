using System.Reflection;

namespace Workflow.DynamoDbServer;

/// <summary>Finds the node executable and the dynalite install that the build placed beside the project sources.</summary>
internal static class DynaliteInstallation
{
    public const string LauncherScript = "launch.js";

    public static string DefaultDirectory =>
        typeof(DynaliteInstallation).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "DynaliteDirectory")?.Value
        ?? throw new DynamoDbServerException("This build of Workflow.DynamoDbServer does not record where dynalite is installed; set DynaliteOptions.DynaliteDirectory.");

    public static string ResolveDirectory(string? configured)
    {
        var directory = Path.GetFullPath(configured ?? DefaultDirectory);
        if (!File.Exists(Path.Combine(directory, LauncherScript)))
        {
            throw new DynamoDbServerException($"The dynalite launcher {Path.Combine(directory, LauncherScript)} is missing.");
        }

        if (!File.Exists(Path.Combine(directory, "node_modules", "dynalite", "package.json")))
        {
            throw new DynamoDbServerException(
                $"dynalite is not installed in {directory}: build local/Workflow.DynamoDbServer (its build runs 'npm ci') or run 'npm ci' in that folder.");
        }

        return directory;
    }

    public static string ResolveNode(string executable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || executable.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(executable)
                ? Path.GetFullPath(executable)
                : throw NodeMissing(executable);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = OperatingSystem.IsWindows() ? new[] { executable + ".exe", executable } : new[] { executable };
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in candidates)
            {
                var full = Path.Combine(folder, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        throw NodeMissing(executable);
    }

    private static DynamoDbServerException NodeMissing(string executable) =>
        new($"Node.js ('{executable}') was not found on PATH: install Node.js 20 or later, or set DynaliteOptions.NodeExecutable to its full path.");
}
