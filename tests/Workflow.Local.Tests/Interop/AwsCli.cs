using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workflow.Local.Tests.Interop;

/// <summary>Runs the AWS CLI installed on the machine against a local endpoint, with throwaway credentials.</summary>
internal static class AwsCli
{
    public static bool IsInstalled()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator).Any(directory => File.Exists(Path.Combine(directory, "aws")));
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Uri endpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var empty = Path.Combine(Path.GetTempPath(), "aws-cli-no-config");
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDLOCALINTEROP";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "local-interop-secret";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = empty;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = empty;
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_SESSION_TOKEN");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AWS CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static async Task<JsonNode> RunJsonAsync(Uri endpoint, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(endpoint, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited {exitCode}: {stderr}");
        }

        return JsonNode.Parse(stdout.Length == 0 ? "{}" : stdout)!;
    }
}
