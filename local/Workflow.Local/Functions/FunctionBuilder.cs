using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Workflow.Local.Template;

namespace Workflow.Local.Functions;

/// <summary>
/// Builds function code the way <c>sam build</c> does, into <c>&lt;data dir&gt;/build/&lt;LogicalId&gt;</c>, only when the
/// output is missing or stale: a source file under CodeUri (outside bin/obj/node_modules) is newer than the build stamp,
/// or the recipe changed. Functions sharing a CodeUri and an identical recipe are built once and copied.
/// </summary>
public sealed class FunctionBuilder(FunctionArtifacts artifacts, ILogger logger)
{
    private const string StampFile = ".workflow-local-build";
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", ".workflow-local", ".aws-sam", ".git", "TestResults",
    };

    public async Task BuildAsync(IReadOnlyList<FunctionModel> functions, bool skipBuild, CancellationToken ct)
    {
        await using var buildLock = await BuildLock.AcquireAsync(artifacts.Root, logger, ct).ConfigureAwait(false);
        var recipes = (await Task.WhenAll(functions.Select(async f => (Function: f, Recipe: await RecipeAsync(f, ct).ConfigureAwait(false))))
            .ConfigureAwait(false)).ToList();

        foreach (var group in recipes.GroupBy(r => (r.Function.CodeUri, r.Recipe.Text)))
        {
            var members = group.ToList();
            var stale = members.Where(m => IsStale(m.Function, m.Recipe.Text)).ToList();
            if (stale.Count == 0)
            {
                continue;
            }

            if (skipBuild)
            {
                var missing = stale.Where(m => !File.Exists(Path.Combine(artifacts.DirectoryOf(m.Function.LogicalId), StampFile))).ToList();
                if (missing.Count > 0)
                {
                    throw new BuildException($"--skip-build: function {missing[0].Function.LogicalId} has never been built (run once without --skip-build)");
                }

                logger.LogWarning("--skip-build: the build of {Functions} is stale (sources changed since the last build)",
                    string.Join(", ", stale.Select(s => s.Function.LogicalId)));
                continue;
            }

            // One build per group, copied to the others, so every member always holds the same output.
            var source = members[0];
            await BuildOneAsync(source.Function, source.Recipe, ct).ConfigureAwait(false);
            var stamp = Path.Combine(artifacts.DirectoryOf(source.Function.LogicalId), StampFile);
            foreach (var target in members.Skip(1))
            {
                var targetDirectory = artifacts.DirectoryOf(target.Function.LogicalId);
                CopyBuild(artifacts.DirectoryOf(source.Function.LogicalId), targetDirectory);
                File.SetLastWriteTimeUtc(Path.Combine(targetDirectory, StampFile), File.GetLastWriteTimeUtc(stamp));
                logger.LogInformation("build {Function}: reused the output of {Source} (same CodeUri and recipe)", target.Function.LogicalId, source.Function.LogicalId);
            }
        }
    }

    private sealed record BuildRecipe(string Text, string Kind, string? Project);

    private static async Task<BuildRecipe> RecipeAsync(FunctionModel function, CancellationToken ct)
    {
        if (string.Equals(function.BuildMethod, "makefile", StringComparison.OrdinalIgnoreCase))
        {
            var recipe = await MakefileRecipe.DryRunAsync(function.CodeUri, function.LogicalId, ct).ConfigureAwait(false);
            return new BuildRecipe("make\n" + recipe, "make", null);
        }

        var projects = Directory.GetFiles(function.CodeUri, "*.csproj", SearchOption.TopDirectoryOnly);
        if (projects.Length != 1)
        {
            throw new BuildException(projects.Length == 0
                ? $"function {function.LogicalId}: no BuildMethod makefile and no .csproj in {function.CodeUri}"
                : $"function {function.LogicalId}: {function.CodeUri} holds several .csproj files; add a Makefile (BuildMethod: makefile)");
        }

        return new BuildRecipe("dotnet publish\n" + Path.GetFileName(projects[0]), "dotnet", projects[0]);
    }

    private bool IsStale(FunctionModel function, string recipe)
    {
        var stamp = Path.Combine(artifacts.DirectoryOf(function.LogicalId), StampFile);
        if (!File.Exists(stamp) || File.ReadAllText(stamp) != Fingerprint(function, recipe))
        {
            return true;
        }

        var built = File.GetLastWriteTimeUtc(stamp);
        return SourceFiles(function.CodeUri).Any(file => File.GetLastWriteTimeUtc(file) > built);
    }

    private static string Fingerprint(FunctionModel function, string recipe) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(function.CodeUri + "\n" + recipe)));

    /// <summary>Source files of a CodeUri and of the projects it references (a function project usually depends on siblings).</summary>
    private static IEnumerable<string> SourceFiles(string codeUri)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(codeUri) };
        foreach (var project in Directory.EnumerateFiles(codeUri, "*.csproj", SearchOption.AllDirectories).Where(p => !InIgnoredFolder(codeUri, p)))
        {
            foreach (var reference in ProjectReferences(project))
            {
                roots.Add(Path.GetDirectoryName(reference)!);
            }
        }

        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (!InIgnoredFolder(root, file))
                {
                    yield return file;
                }
            }
        }
    }

    private static IEnumerable<string> ProjectReferences(string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        foreach (var line in File.ReadLines(project))
        {
            var start = line.IndexOf("ProjectReference Include=\"", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            start += "ProjectReference Include=\"".Length;
            var end = line.IndexOf('"', start);
            if (end > start)
            {
                yield return Path.GetFullPath(Path.Combine(folder, line[start..end].Replace('\\', '/')));
            }
        }
    }

    private static bool InIgnoredFolder(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(IgnoredFolders.Contains);

    private async Task BuildOneAsync(FunctionModel function, BuildRecipe recipe, CancellationToken ct)
    {
        var output = artifacts.DirectoryOf(function.LogicalId);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        var started = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        logger.LogInformation("build {Function}: {Kind} in {CodeUri}", function.LogicalId, recipe.Kind, function.CodeUri);
        var startInfo = recipe.Kind == "make"
            ? Command("make", "-C", function.CodeUri, "build-" + function.LogicalId, "ARTIFACTS_DIR=" + output)
            : Command("dotnet", "publish", recipe.Project!, "-c", "Release", "-o", output, "--nologo", "-p:GenerateDocumentationFile=false");
        await RunAsync(function, startInfo, ct).ConfigureAwait(false);
        var stamp = Path.Combine(output, StampFile);
        await File.WriteAllTextAsync(stamp, Fingerprint(function, recipe.Text), ct).ConfigureAwait(false);

        // Dated at the build's start: a source saved while the build ran makes the next start rebuild.
        File.SetLastWriteTimeUtc(stamp, startedAt);
        logger.LogInformation("build {Function}: done in {Seconds:0.0} s", function.LogicalId, started.Elapsed.TotalSeconds);
    }

    private static ProcessStartInfo Command(string file, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A build started from inside `dotnet run`/`dotnet test` must not inherit that build's MSBuild settings.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            startInfo.Environment.Remove(key);
        }

        return startInfo;
    }

    private async Task RunAsync(FunctionModel function, ProcessStartInfo startInfo, CancellationToken ct)
    {
        using var process = Process.Start(startInfo) ?? throw new BuildException($"could not start {startInfo.FileName}");
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 30)
                {
                    tail.Dequeue();
                }
            }
        }

        var stdout = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false) is { } l) { Keep(l); } }, ct);
        var stderr = Task.Run(async () => { while (await process.StandardError.ReadLineAsync(ct).ConfigureAwait(false) is { } l) { Keep(l); } }, ct);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new BuildException($"build of {function.LogicalId} failed ({startInfo.FileName} exit code {process.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, tail)}");
        }
    }

    private static void CopyBuild(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
