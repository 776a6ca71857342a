using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workflow.Aws.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on a free loopback port that records requests exactly as they arrived on the wire
/// (so the Host header and body are what HttpClient really sent) and answers each with the given JSON.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, (int Status, string Json)> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<RawRequest, (int Status, string Json)> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public List<RawRequest> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                await ServeAsync(client.GetStream());
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        while (await ReadRequestAsync(stream) is { } request)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }

            var (status, json) = _answer(request);
            var body = Encoding.UTF8.GetBytes(json);
            var head = $"HTTP/1.1 {status} X\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: loopback-{Requests.Count}\r\nContent-Length: {body.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
    }

    private async Task<RawRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = new byte[int.Parse(headers.GetValueOrDefault("Content-Length", "0"), System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return new RawRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';
}

internal sealed record RawRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
