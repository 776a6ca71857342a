using System.Collections;
using System.Text;
using System.Text.Json;

namespace EchoFunctions;

/// <summary>Handlers with the managed runtime's Stream signature, one behaviour each, for the local runtime's tests.</summary>
public sealed class Handlers
{
    private static int s_coldStarts;
    private readonly int _instance;
    private int _invocations;

    public Handlers()
    {
        _instance = Interlocked.Increment(ref s_coldStarts);
        Console.WriteLine($"cold start {_instance}");
    }

    /// <summary>Returns its input unchanged.</summary>
    public async Task<Stream> Echo(Stream input)
    {
        var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        copy.Position = 0;
        Console.WriteLine("echo called");
        return copy;
    }

    /// <summary>Throws the business error a state machine would catch.</summary>
    public Stream Throw(Stream input)
    {
        _ = input;
        throw new BusinessRuleException("amount exceeds the budget");
    }

    /// <summary>Waits <c>delayMs</c> milliseconds, then answers <c>{"slept":delayMs}</c>.</summary>
    public async Task<Stream> Slow(Stream input)
    {
        using var document = await JsonDocument.ParseAsync(input);
        var delay = document.RootElement.GetProperty("delayMs").GetInt32();
        await Task.Delay(delay);
        return Text($"{{\"slept\":{delay}}}");
    }

    /// <summary>Answers every environment variable of its process as a JSON object.</summary>
    public Stream Env(Stream input)
    {
        _ = input;
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        return Text(JsonSerializer.Serialize(variables, FixtureJsonContext.Default.DictionaryStringString));
    }

    /// <summary>Ends its own process, like a crashing runtime.</summary>
    public Stream Crash(Stream input)
    {
        _ = input;
        Environment.Exit(3);
        return Stream.Null;
    }

    /// <summary>Counts invocations of this environment: shows the handler object is created once per worker.</summary>
    public Stream Count(Stream input)
    {
        _ = input;
        var count = Interlocked.Increment(ref _invocations);
        return Text($"{{\"instance\":{_instance},\"invocation\":{count}}}");
    }

    /// <summary>An API Gateway payload 2.0 structured response with headers, cookies and a body.</summary>
    public Stream Structured(Stream input)
    {
        _ = input;
        return Text("""{"statusCode":201,"headers":{"x-fixture":"yes","content-type":"text/plain"},"cookies":["a=1","b=2; Path=/"],"body":"created"}""");
    }

    /// <summary>A binary body, base64-encoded as API Gateway expects.</summary>
    public Stream Binary(Stream input)
    {
        _ = input;
        var body = Convert.ToBase64String(new byte[] { 0, 1, 2, 255 });
        return Text($$"""{"statusCode":200,"headers":{"content-type":"application/octet-stream"},"isBase64Encoded":true,"body":"{{body}}"}""");
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));
}

public sealed class BusinessRuleException(string message) : Exception(message);
