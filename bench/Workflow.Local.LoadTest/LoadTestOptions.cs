using System.Globalization;

namespace Workflow.Local.LoadTest;

/// <summary>Command-line options of the load test.</summary>
internal sealed record LoadTestOptions
{
    public int Jobs { get; init; } = 500;

    public int Concurrency { get; init; } = 50;

    public int Clients { get; init; } = 10;

    /// <summary>Jobs run (and left out of the numbers) before measuring, so the function workers are warm.</summary>
    public int WarmUp { get; init; } = 10;

    /// <summary>A running runtime to target instead of starting one.</summary>
    public Uri? Url { get; init; }

    /// <summary>The DynamoDB endpoint of a targeted runtime (to give the load test's cost centre a budget).</summary>
    public Uri? DynamoDbUrl { get; init; }

    public string? Template { get; init; }

    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>BENCHMARKS.md to update with the results (its <c>## Local runtime load test</c> section only).</summary>
    public string? WriteBenchmarks { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Workflow.Local.LoadTest -- [options]
          --jobs N              jobs to submit (default 500)
          --concurrency N       submissions in flight at once (default 50)
          --clients N           distinct client identities (default 10)
          --warm-up N           jobs run before measuring (default 10)
          --url URL             target a running local runtime instead of starting one
          --dynamodb-url URL    that runtime's DynamoDB endpoint (to seed the budget)
          --template FILE       template to start (default: the repository's template.yaml)
          --deadline SECONDS    give up waiting for completion after this long (default 900)
          --write-benchmarks F  replace the '## Local runtime load test' section of F with the results
        """;

    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count(int minimum)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
                    ? n : throw new ArgumentException($"{name} '{text}' must be a whole number >= {minimum}");
            }

            Uri Url()
            {
                var name = args[i];
                var text = Value();
                return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri : throw new ArgumentException($"{name} '{text}' must be an http(s) URL");
            }

            options = args[i] switch
            {
                "--jobs" => options with { Jobs = Count(1) },
                "--concurrency" => options with { Concurrency = Count(1) },
                "--clients" => options with { Clients = Count(1) },
                "--warm-up" => options with { WarmUp = Count(0) },
                "--url" => options with { Url = Url() },
                "--dynamodb-url" => options with { DynamoDbUrl = Url() },
                "--template" => options with { Template = Path.GetFullPath(Value()) },
                "--deadline" => options with { Deadline = TimeSpan.FromSeconds(Count(1)) },
                "--write-benchmarks" => options with { WriteBenchmarks = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return options;
    }
}
