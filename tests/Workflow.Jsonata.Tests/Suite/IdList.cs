namespace Workflow.Jsonata.Tests.Suite;

/// <summary>A list file beside the tests: one case id per line, a tab, then the reason; '#' starts a comment.</summary>
internal static class IdList
{
    public static Dictionary<string, string> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Suite", fileName);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            result[tab < 0 ? line.Trim() : line[..tab].Trim()] = tab < 0 ? "(no reason given)" : line[(tab + 1)..].Trim();
        }

        return result;
    }
}
