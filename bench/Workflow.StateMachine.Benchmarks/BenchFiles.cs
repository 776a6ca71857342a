namespace Workflow.StateMachine.Benchmarks;

/// <summary>Finds the repository and the shared benchmark definitions.</summary>
public static class BenchFiles
{
    /// <summary>The folder holding Workflow.sln, found by walking up from the working directory, then from the binary.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchUsageException("cannot find Workflow.sln above the working directory or the binary; pass --bench-dir");
    }

    public static string BenchDirectory(string? explicitDir)
    {
        var dir = explicitDir ?? Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "bench"));
        return Directory.Exists(dir) ? Path.GetFullPath(dir) : throw new BenchUsageException($"benchmark folder '{dir}' does not exist");
    }

    public static BenchCase Load(string benchDir, string name)
    {
        var definition = Path.Combine(benchDir, name + ".asl.json");
        var input = Path.Combine(benchDir, name + ".input.json");
        foreach (var file in new[] { definition, input })
        {
            if (!File.Exists(file))
            {
                throw new BenchUsageException($"{file}: file not found");
            }
        }

        return new BenchCase(name, File.ReadAllText(definition), File.ReadAllText(input));
    }
}

public sealed record BenchCase(string Name, string DefinitionJson, string InputJson);
