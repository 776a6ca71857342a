namespace Workflow.Aws.Tests.Support;

/// <summary>A dependency that accepts the request and never answers (a hung connection), counting the attempts.</summary>
internal sealed class NeverAnsweringHandler : HttpMessageHandler
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable: the delay above only ends by cancellation");
    }
}
