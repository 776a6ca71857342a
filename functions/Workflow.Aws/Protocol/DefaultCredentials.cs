using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Workflow.Aws;

/// <summary>
/// Credentials from the AWS SDK's default chain (environment, profile, container, instance metadata), resolved once:
/// the returned AWSCredentials object refreshes temporary credentials itself.
/// </summary>
internal static class DefaultCredentials
{
    private static readonly DefaultAWSCredentialsIdentityResolver Resolver = new();
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AWSCredentials? _resolved;

    public static async Task<AWSCredentials> GetAsync(CancellationToken ct)
    {
        if (_resolved is { } cached)
        {
            return cached;
        }

        await Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _resolved ??= await Resolver.ResolveIdentityAsync(null!, ct).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}
