namespace Workflow.Local.LoadTest;

/// <summary>
/// Replaces one <c>## </c> section of BENCHMARKS.md (from its heading to the next <c>## </c> heading), leaving every
/// other section as it is; appends the section when the file has none.
/// </summary>
internal static class BenchmarksFile
{
    public const string Heading = "## Local runtime load test";

    public static void WriteSection(string path, string section)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : ["# Benchmarks", ""];
        var start = lines.FindIndex(l => l.TrimEnd() == Heading);
        var replacement = section.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (start < 0)
        {
            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            lines.Add("");
            lines.AddRange(replacement);
        }
        else
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            if (end < 0)
            {
                end = lines.Count;
            }

            replacement.Add("");
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, replacement);
        }

        File.WriteAllText(path, string.Join('\n', lines).TrimEnd() + "\n");
    }
}
