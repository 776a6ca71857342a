using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Local.Hosting;
using Workflow.Testing;

namespace Workflow.Local.Tests.Hosting;

/// <summary>
/// One local runtime for the fixture application (tests/Workflow.Local.Tests/Fixtures/template.yaml), started on a free
/// port by the first test that needs it and stopped after the last. Its data (DynamoDB, keys) is private to the test
/// run; its builds go beside the fixture (<c>.workflow-local/build</c>, git-ignored) so they are reused across runs
/// while the sources are unchanged.
/// </summary>
public static class FixtureRuntime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalRuntime? s_runtime;

    public static string FixturesDirectory => Path.Combine(RepoPaths.Root, "tests", "Workflow.Local.Tests", "Fixtures");

    public static string TemplatePath => Path.Combine(FixturesDirectory, "template.yaml");

    public static string BuildDirectory => Path.Combine(FixturesDirectory, ".workflow-local", "build");

    private static readonly Lazy<string> LazyDataDirectory = new(() => Directory.CreateTempSubdirectory("workflow-local-tests-").FullName);

    public static async Task<LocalRuntime> GetAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return s_runtime ??= await LocalRuntime.StartAsync(
                new LocalRuntimeOptions
                {
                    TemplatePath = TemplatePath,
                    Port = 0,
                    DataDirectory = LazyDataDirectory.Value,
                    BuildDirectory = BuildDirectory,
                    LogFormat = LogFormat.Text,
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (s_runtime is not null)
            {
                await s_runtime.DisposeAsync().ConfigureAwait(false);
                s_runtime = null;
                Directory.Delete(LazyDataDirectory.Value, recursive: true);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static HttpClient Client(LocalRuntime runtime) => new() { BaseAddress = runtime.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A development token from the runtime's own endpoint.</summary>
    public static async Task<string> TokenAsync(LocalRuntime runtime, object request)
    {
        using var client = Client(runtime);
        using var response = await client.PostAsJsonAsync("_local/token", request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;
        return body["token"]!.GetValue<string>();
    }
}
