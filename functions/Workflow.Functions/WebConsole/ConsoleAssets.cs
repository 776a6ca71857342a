using System.Collections.Frozen;

namespace Workflow.Functions.WebConsole;

/// <summary>The console's static files, embedded in this assembly (so the same files are served on AWS and locally).</summary>
public static class ConsoleAssets
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly Lazy<FrozenDictionary<string, string>> Files = new(Load);

    /// <summary>Paths relative to the console root, e.g. <c>index.html</c>, <c>js/app.js</c>.</summary>
    public static IEnumerable<string> Paths => Files.Value.Keys;

    public static bool TryGet(string path, out string content, out string contentType)
    {
        contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
        return Files.Value.TryGetValue(path, out content!);
    }

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[name[Prefix.Length..]] = reader.ReadToEnd();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
