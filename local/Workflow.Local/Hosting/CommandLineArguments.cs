using System.Globalization;

namespace Workflow.Local.Hosting;

/// <summary>
/// Parses the command line: <c>[--template f] [--port n] [--data-dir d] [--parameter-overrides K=V ...]
/// [--dynamodb-endpoint url] [--mock-config f] [--mock-test-case name] [--skip-build] [--log-format json|text]
/// [--region r] [--stack-name s]</c>, or the <c>token</c> command with <c>--sub</c>, <c>--groups</c>, <c>--scopes</c>,
/// <c>--ttl</c>, <c>--authorizer</c>.
/// </summary>
public sealed record CommandLineArguments(
    bool IsTokenCommand,
    bool ShowHelp,
    LocalRuntimeOptions Options,
    string? Subject,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Scopes,
    TimeSpan TokenLifetime,
    string? Authorizer)
{
    public const string Usage = """
        usage: dotnet run --project local/Workflow.Local -- [options]
               dotnet run --project local/Workflow.Local -- token --sub <user> [--groups a,b] [--scopes s1,s2] [--ttl seconds] [options]
        options:
          --template <file>                 SAM template (default: nearest template.yaml walking up from the current folder)
          --port <n>                        loopback port of the HTTP API and AWS endpoints (default 3000, 0 = free port)
          --data-dir <folder>               builds, keys, DynamoDB and execution data (default .workflow-local/ beside the template)
          --parameter-overrides K=V [K=V…]  template parameter values, as with sam
          --dynamodb-endpoint <url>         use this DynamoDB endpoint instead of the embedded dynalite
          --mock-config <file>              Step Functions Local mock configuration
          --mock-test-case <name>           test case of the mock configuration to apply
          --skip-build                      run the existing function builds as they are
          --log-format json|text            log line format (default json)
          --max-concurrency <n>             workers per function, each running one invocation at a time (default 4)
          --region <r> --stack-name <s>     region and stack name used in ARNs and AWS::StackName
        """;

    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        var options = new LocalRuntimeOptions();
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var token = args.Count > 0 && args[0] == "token";
        var help = false;
        string? subject = null;
        string? authorizer = null;
        List<string> groups = [];
        List<string> scopes = [];
        var lifetime = TimeSpan.FromHours(1);
        for (var i = token ? 1 : 0; i < args.Count; i++)
        {
            var name = args[i];
            var inlineValue = (string?)null;
            if (name.StartsWith("--", StringComparison.Ordinal) && name.Contains('=', StringComparison.Ordinal) && !name.StartsWith("--parameter-overrides", StringComparison.Ordinal))
            {
                inlineValue = name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..];
                name = name[..name.IndexOf('=', StringComparison.Ordinal)];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{name} needs a value");
                }

                return args[++i];
            }

            switch (name)
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--template":
                    options = options with { TemplatePath = Value() };
                    break;
                case "--port":
                    var portText = Value();
                    options = options with
                    {
                        Port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                            ? port : throw new ArgumentException($"--port '{portText}' must be a number from 0 to 65535"),
                    };
                    break;
                case "--data-dir":
                    options = options with { DataDirectory = Value() };
                    break;
                case "--parameter-overrides":
                    var any = false;
                    while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        foreach (var pair in SplitOverrides(args[++i]))
                        {
                            var equals = pair.IndexOf('=', StringComparison.Ordinal);
                            if (equals <= 0)
                            {
                                throw new ArgumentException($"--parameter-overrides '{pair}' must be Key=Value");
                            }

                            overrides[pair[..equals]] = pair[(equals + 1)..].Trim('"', '\'');
                            any = true;
                        }
                    }

                    if (!any)
                    {
                        throw new ArgumentException("--parameter-overrides needs at least one Key=Value");
                    }

                    break;
                case "--dynamodb-endpoint":
                    var endpoint = Value();
                    options = options with
                    {
                        DynamoDbEndpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                            ? uri : throw new ArgumentException($"--dynamodb-endpoint '{endpoint}' must be an http(s) URL"),
                    };
                    break;
                case "--mock-config":
                    options = options with { MockConfigPath = Value() };
                    break;
                case "--mock-test-case":
                    options = options with { MockTestCase = Value() };
                    break;
                case "--skip-build":
                    options = options with { SkipBuild = true };
                    break;
                case "--log-format":
                    var format = Value();
                    options = options with
                    {
                        LogFormat = format switch
                        {
                            "json" => LogFormat.Json,
                            "text" => LogFormat.Text,
                            _ => throw new ArgumentException($"--log-format '{format}' must be json or text"),
                        },
                    };
                    break;
                case "--max-concurrency":
                    var concurrency = Value();
                    options = options with
                    {
                        MaxConcurrencyPerFunction = int.TryParse(concurrency, NumberStyles.None, CultureInfo.InvariantCulture, out var workers) && workers is > 0 and <= 256
                            ? workers : throw new ArgumentException($"--max-concurrency '{concurrency}' must be a number from 1 to 256"),
                    };
                    break;
                case "--region":
                    options = options with { Region = Value() };
                    break;
                case "--stack-name":
                    options = options with { StackName = Value() };
                    break;
                case "--sub" when token:
                    subject = Value();
                    break;
                case "--groups" when token:
                    groups.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--scopes" when token:
                    scopes.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--authorizer" when token:
                    authorizer = Value();
                    break;
                case "--ttl" when token:
                    var ttl = Value();
                    lifetime = int.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                        ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"--ttl '{ttl}' must be a positive number of seconds");
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}' (see --help)");
            }
        }

        if (token && !help && string.IsNullOrWhiteSpace(subject))
        {
            throw new ArgumentException("token needs --sub <user>");
        }

        return new CommandLineArguments(token, help, options with { ParameterOverrides = overrides }, subject, groups, scopes, lifetime, authorizer);
    }

    /// <summary>sam accepts <c>"K1=V1 K2=V2"</c> in one argument as well as one pair per argument.</summary>
    private static IEnumerable<string> SplitOverrides(string argument) =>
        argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.StartsWith("ParameterKey=", StringComparison.Ordinal)
                ? pair.Replace("ParameterKey=", "", StringComparison.Ordinal).Replace(",ParameterValue=", "=", StringComparison.Ordinal)
                : pair);
}
