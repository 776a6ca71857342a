using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Workflow.Local.Functions;

/// <summary>
/// Starts worker processes: <c>dotnet exec --runtimeconfig &lt;generated&gt; Workflow.Local.dll --function-worker ...</c>.
/// The runtime config is generated so workers run on the plain .NET runtime (as Lambda's managed runtime does),
/// whether the host runs from its own output folder or from a test project's.
/// </summary>
public sealed class WorkerLauncher
{
    private readonly string _dotnet;
    private readonly string _hostAssembly;
    private readonly string _runtimeConfig;

    public WorkerLauncher(string dataDirectory)
    {
        _dotnet = FindDotnet();
        _hostAssembly = typeof(FunctionWorker).Assembly.Location;
        var folder = Path.Combine(dataDirectory, "worker");
        Directory.CreateDirectory(folder);
        _runtimeConfig = Path.Combine(folder, "worker.runtimeconfig.json");
        var version = Environment.Version;
        var config = "{\"runtimeOptions\":{\"tfm\":\"net" + version.Major + "." + version.Minor
            + "\",\"rollForward\":\"LatestPatch\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\""
            + version.Major + "." + version.Minor + "." + version.Build + "\"}}}";
        if (!File.Exists(_runtimeConfig) || File.ReadAllText(_runtimeConfig) != config)
        {
            File.WriteAllText(_runtimeConfig, config);
        }
    }

    public Process Start(string artifactsDirectory, string handler, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(_dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = artifactsDirectory,
        };
        foreach (var argument in new[] { "exec", "--runtimeconfig", _runtimeConfig, _hostAssembly, FunctionWorker.Switch, artifactsDirectory, handler })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The developer's own AWS settings must never leak into a local function (they could reach real AWS).
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {_dotnet}");
    }

    private static string FindDotnet()
    {
        var executable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath && Path.GetFileName(processPath) == executable)
        {
            return processPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = Path.Combine(root, executable);
        return File.Exists(candidate) ? candidate : executable;
    }
}
