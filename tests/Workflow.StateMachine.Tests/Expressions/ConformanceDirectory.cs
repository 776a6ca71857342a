namespace Workflow.StateMachine.Tests.Expressions;

/// <summary>
/// Finds the AWS-recorded conformance cases: <c>../shared/conformance</c> next to the repository root (the folder
/// holding Workflow.sln), found by walking up from the test's base directory.
/// </summary>
internal static class ConformanceDirectory
{
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var inside = Path.Combine(dir.FullName, "shared", "conformance");
            if (Directory.Exists(inside))
            {
                return inside;
            }

            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")) && dir.Parent is { } parent)
            {
                var beside = Path.Combine(parent.FullName, "shared", "conformance");
                if (Directory.Exists(beside))
                {
                    return beside;
                }
            }
        }

        return Environment.GetEnvironmentVariable("WORKFLOW_CONFORMANCE_DIR") is { Length: > 0 } configured && Directory.Exists(configured)
            ? configured
            : null;
    }

    public static IEnumerable<string> AslCases(string area)
    {
        var root = Locate();
        if (root is null)
        {
            return [];
        }

        var folder = Path.Combine(root, "asl", area);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal) : [];
    }
}
