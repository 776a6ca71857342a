namespace Workflow.Local.Hosting;

/// <summary>How to run the local runtime: the command-line options, also used by tests to start it in-process.</summary>
public sealed record LocalRuntimeOptions
{
    /// <summary>The SAM template; null means: walk up from the current directory to the first folder with template.yaml.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Loopback port of the HTTP API and AWS endpoints; 0 picks a free port.</summary>
    public int Port { get; init; } = 3000;

    /// <summary>Where builds, keys, DynamoDB and execution data live; null means <c>.workflow-local/</c> beside the template.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where function builds go; null means <c>&lt;data dir&gt;/build</c>. Several runtimes may share one (builds take a lock).</summary>
    public string? BuildDirectory { get; init; }

    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>An existing DynamoDB endpoint to use instead of starting the embedded dynalite.</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>Step Functions Local mock configuration file and the test case to apply (passed to the Step Functions host).</summary>
    public string? MockConfigPath { get; init; }

    public string? MockTestCase { get; init; }

    /// <summary>Use the function artifacts as they are, never run a build.</summary>
    public bool SkipBuild { get; init; }

    public LogFormat LogFormat { get; init; } = LogFormat.Json;

    /// <summary>Region and account reported by pseudo-parameters and used in ARNs.</summary>
    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>Stack name for <c>AWS::StackName</c> and generated physical names; null means the template folder's name.</summary>
    public string? StackName { get; init; }

    /// <summary>Workers per function (each runs one invocation at a time, like a Lambda execution environment).</summary>
    public int MaxConcurrencyPerFunction { get; init; } = 4;

    /// <summary>How long shutdown waits for in-flight invocations and requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

public enum LogFormat
{
    Json,
    Text,
}
