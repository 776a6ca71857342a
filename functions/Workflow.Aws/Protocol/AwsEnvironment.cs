namespace Workflow.Aws;

/// <summary>
/// Region and endpoint settings from the standard AWS SDK environment variables, read through a lookup function so
/// tests can supply their own.
/// </summary>
public sealed class AwsEnvironment
{
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreConfiguredEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private readonly Func<string, string?> _variables;

    public AwsEnvironment(Func<string, string?> variables)
    {
        _variables = variables ?? throw new ArgumentNullException(nameof(variables));
    }

    /// <summary>The real process environment.</summary>
    public static AwsEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary><c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>, else null.</summary>
    public string? Region => Value("AWS_REGION") ?? Value("AWS_DEFAULT_REGION");

    /// <summary>The region, or a clear error when none is configured.</summary>
    public string RequireRegion() =>
        Region ?? throw new InvalidOperationException("No AWS region configured: set AWS_REGION (or AWS_DEFAULT_REGION).");

    /// <summary>
    /// The service-specific endpoint variable, else <c>AWS_ENDPOINT_URL</c>, else the regional AWS endpoint; the
    /// overrides are skipped when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true, as in the AWS SDKs.
    /// </summary>
    public Uri ResolveEndpoint(AwsServiceDescriptor service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!string.Equals(Value(IgnoreConfiguredEndpointsVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var variable in new[] { service.EndpointVariable, GlobalEndpointVariable })
            {
                if (Value(variable) is { } configured)
                {
                    return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                        ? uri
                        : throw new InvalidOperationException($"{variable} is not an absolute http(s) URL: '{configured}'.");
                }
            }
        }

        var domain = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{region}.{domain}/");
    }

    private string? Value(string name) => _variables(name) is { Length: > 0 } value ? value.Trim() : null;
}
