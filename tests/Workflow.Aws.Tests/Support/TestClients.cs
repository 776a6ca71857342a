using Amazon.Runtime;

namespace Workflow.Aws.Tests.Support;

/// <summary>Client options wired to a capturing handler, a fixed clock and fixed keys.</summary>
internal static class TestClients
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "eu-west-1";

    public static readonly DateTimeOffset FixedNow = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static AwsClientOptions Options(CapturingHandler handler, RecordingTimeProvider? time = null, AWSCredentials? credentials = null) => new()
    {
        HttpClient = new HttpClient(handler),
        Region = Region,
        Credentials = credentials ?? new BasicAWSCredentials(AccessKey, SecretKey),
        TimeProvider = time ?? new RecordingTimeProvider(FixedNow),
        Environment = new AwsEnvironment(_ => null),
        Retry = AwsRetryPolicy.Default with { Jitter = () => 0.5 },
    };
}
