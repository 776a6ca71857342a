namespace Workflow.StateMachine.Tests.Conformance;

/// <summary>
/// <c>known-failures.txt</c>: one case id per line, a tab, then the reason. Listed cases are reported as ignored
/// with their reason; a listed case that passes fails the run so the list only shrinks.
/// </summary>
internal static class KnownFailures
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(Load);

    public static bool TryGetReason(string caseId, out string reason) => Entries.Value.TryGetValue(caseId, out reason!);

    private static Dictionary<string, string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Conformance", "known-failures.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

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
