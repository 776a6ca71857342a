namespace Workflow.Aws;

/// <summary>The process-wide HTTP client used when callers inject none, so connections are pooled across clients.</summary>
internal static class SharedHttpClient
{
    private static readonly SocketsHttpHandler Handler = new()
    {
        // Recycle connections so DNS changes of the regional endpoint are picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };

    public static HttpClient Instance { get; } = new(Handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
}
