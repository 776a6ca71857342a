using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Tests.Conformance;

/// <summary>Finds the shared conformance corpus (beside the repository) and its ASL cases.</summary>
internal static class ConformanceCorpus
{
    public static string AslDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")) || File.Exists(Path.Combine(dir.FullName, "Workflow.slnx")))
            {
                var asl = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "asl"));
                if (!Directory.Exists(asl))
                {
                    throw new DirectoryNotFoundException($"The conformance corpus was not found at {asl} (expected ../shared/conformance/asl beside the repository).");
                }

                return asl;
            }
        }

        throw new DirectoryNotFoundException($"No Workflow.sln found above {AppContext.BaseDirectory}; cannot locate ../shared/conformance.");
    }

    /// <summary>Every case file of the corpus (JSONPath and JSONata), as (case id, path).</summary>
    public static IEnumerable<(string Id, string Path)> Cases()
    {
        var root = AslDirectory();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var doc = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            yield return (doc["id"]!.GetValue<string>(), file);
        }
    }
}
