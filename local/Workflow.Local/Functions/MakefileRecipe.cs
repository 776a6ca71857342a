namespace Workflow.Local.Functions;

/// <summary>Reads the recipe of a <c>build-&lt;LogicalId&gt;</c> target from a SAM makefile.</summary>
internal static class MakefileRecipe
{
    /// <summary>The recipe lines (tab-indented lines after the target), or null when the target is missing.</summary>
    public static string? Of(string makefile, string target)
    {
        if (!File.Exists(makefile))
        {
            return null;
        }

        var lines = File.ReadAllLines(makefile);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.StartsWith('\t'))
            {
                continue;
            }

            var targets = line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!targets.Contains(target, StringComparer.Ordinal))
            {
                continue;
            }

            var recipe = new List<string> { "deps:" + line[(colon + 1)..].Trim() };
            for (var j = i + 1; j < lines.Length && (lines[j].StartsWith('\t') || lines[j].Trim().Length == 0); j++)
            {
                if (lines[j].Trim().Length > 0)
                {
                    recipe.Add(lines[j].Trim());
                }
            }

            return string.Join('\n', recipe);
        }

        return null;
    }
}
