using System.Net;
using Workflow.Aws.Tests.Support;

namespace Workflow.Aws.Tests.Protocol;

public sealed class RetryTests
{
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";

    [Test]
    public async Task ThrottledTwiceThenOk_SucceedsAfterTwoBackedOffRetries()
    {
        var handler = new CapturingHandler()
            .RespondJson(HttpStatusCode.BadRequest, Throttled)
            .RespondJson(HttpStatusCode.BadRequest, Throttled)
            .RespondOk();
        var time = new RecordingTimeProvider(TestClients.FixedNow);
        var client = new StepFunctionsClient(TestClients.Options(handler, time));

        await client.SendTaskHeartbeatAsync("token");

        Assert.That(handler.Requests, Has.Count.EqualTo(3));
        // Jitter is fixed at 0.5 in these tests: half of 100 ms, then half of 200 ms.
        Assert.That(time.Delays, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100) }));
        Assert.That(handler.Requests.Select(r => r.Header("Authorization")), Is.All.StartsWith("AWS4-HMAC-SHA256 "), "every attempt is signed");
    }

    [Test]
    public void ThrottledOnEveryAttempt_ThrowsThrottlingAfterMaxAttempts()
    {
        var handler = new CapturingHandler();
        for (var i = 0; i < 4; i++)
        {
            handler.RespondJson(HttpStatusCode.BadRequest, Throttled);
        }

        var time = new RecordingTimeProvider(TestClients.FixedNow);
        var client = new StepFunctionsClient(TestClients.Options(handler, time));

        var error = Assert.ThrowsAsync<ThrottlingException>(() => client.SendTaskHeartbeatAsync("token"));

        Assert.That(error!.Message, Is.EqualTo("Rate exceeded"));
        Assert.That(handler.Requests, Has.Count.EqualTo(AwsRetryPolicy.Default.MaxAttempts));
        Assert.That(time.Delays, Has.Count.EqualTo(AwsRetryPolicy.Default.MaxAttempts - 1));
    }

    [TestCase(HttpStatusCode.TooManyRequests, "")]
    [TestCase(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure"}""")]
    [TestCase(HttpStatusCode.ServiceUnavailable, "")]
    [TestCase(HttpStatusCode.BadRequest, """{"__type":"ProvisionedThroughputExceededException"}""")]
    public async Task RetryableAnswer_IsRetried(HttpStatusCode status, string body)
    {
        var handler = new CapturingHandler().RespondJson(status, body).RespondOk();
        var client = new StepFunctionsClient(TestClients.Options(handler));

        await client.SendTaskHeartbeatAsync("token");

        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ConnectionFailure_IsRetried()
    {
        var handler = new CapturingHandler().Throw(new HttpRequestException("connection refused")).RespondOk();
        var client = new StepFunctionsClient(TestClients.Options(handler));

        await client.SendTaskHeartbeatAsync("token");

        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void NoneRetryPolicy_MakesOneAttempt()
    {
        var handler = new CapturingHandler().RespondJson(HttpStatusCode.BadRequest, Throttled);
        var client = new StepFunctionsClient(TestClients.Options(handler) with { Retry = AwsRetryPolicy.None });

        Assert.ThrowsAsync<ThrottlingException>(() => client.SendTaskHeartbeatAsync("token"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void DelayBeforeRetry_GrowsExponentiallyUpToTheCap()
    {
        var policy = new AwsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), Jitter = () => 1 };

        var delays = Enumerable.Range(1, 6).Select(policy.DelayBeforeRetry).Select(d => d.TotalMilliseconds);

        Assert.That(delays, Is.EqualTo(new[] { 100d, 200, 400, 800, 1000, 1000 }));
    }

    [Test]
    public void DelayBeforeRetry_WithZeroJitter_IsZero()
    {
        var policy = new AwsRetryPolicy { Jitter = () => 0 };

        Assert.That(policy.DelayBeforeRetry(3), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void HungDependency_WithAttemptTimeout_EndsAsTimeoutExceptionAfterEveryAttempt()
    {
        var handler = new NeverAnsweringHandler();
        var options = new AwsClientOptions
        {
            HttpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan },
            Region = TestClients.Region,
            Credentials = new Amazon.Runtime.BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey),
            Environment = new AwsEnvironment(_ => null),
            Retry = AwsRetryPolicy.Default with { MaxAttempts = 3, Jitter = () => 0 },
            AttemptTimeout = TimeSpan.FromMilliseconds(100),
        };
        var client = new StepFunctionsClient(options);

        var error = Assert.ThrowsAsync<TimeoutException>(() => client.SendTaskHeartbeatAsync("token"));

        Assert.That(error!.Message, Does.Contain("SendTaskHeartbeat").And.Contain("0.1 s"));
        Assert.That(handler.Attempts, Is.EqualTo(3));
    }

    [Test]
    public void CallerCancellation_IsNotReportedAsATimeout()
    {
        var handler = new NeverAnsweringHandler();
        var options = TestClients.Options(new CapturingHandler()) with
        {
            HttpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan },
            TimeProvider = TimeProvider.System,
            AttemptTimeout = TimeSpan.FromMinutes(5),
        };
        var client = new StepFunctionsClient(options);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(async () => await client.SendTaskHeartbeatAsync("token", cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(handler.Attempts, Is.EqualTo(1));
    }
}
