using System.Diagnostics;

namespace Workflow.Local.Functions;

/// <summary>
/// What <c>make build-&lt;LogicalId&gt;</c> would run, from make's own dry run (so pattern and variable targets work),
/// with the logical id and the artifacts folder replaced by placeholders: two functions whose texts are equal build
/// the same output.
/// </summary>
internal static class MakefileRecipe
{
    private const string ArtifactsPlaceholder = "/__workflow_local_artifacts__";

    public static async Task<string> DryRunAsync(string codeUri, string logicalId, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(codeUri, "Makefile")) && !File.Exists(Path.Combine(codeUri, "makefile")))
        {
            throw new BuildException($"function {logicalId}: BuildMethod makefile but no Makefile in {codeUri}");
        }

        var startInfo = new ProcessStartInfo("make")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--no-print-directory", "-n", "-C", codeUri, "build-" + logicalId, "ARTIFACTS_DIR=" + ArtifactsPlaceholder })
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new BuildException("could not start make");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BuildException($"function {logicalId}: BuildMethod makefile needs GNU make on the PATH ({ex.Message})");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new BuildException($"function {logicalId}: make build-{logicalId} cannot run in {codeUri}: {(await error.ConfigureAwait(false)).Trim()}");
            }

            return (await output.ConfigureAwait(false)).Replace(logicalId, "{LogicalId}", StringComparison.Ordinal);
        }
    }
}
