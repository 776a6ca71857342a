namespace Workflow.DynamoDbServer;

/// <summary>How to start a local dynalite server.</summary>
public sealed record DynaliteOptions
{
    /// <summary>Loopback port to listen on; 0 lets the operating system pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Folder for the LevelDB store so data survives restarts; null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The node executable: a name looked up on PATH or a full path.</summary>
    public string NodeExecutable { get; init; } = "node";

    /// <summary>How long to wait for the server to answer before giving up.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long tables stay CREATING/UPDATING/DELETING. dynalite's own default is 500 ms; zero makes a new table usable
    /// at once, which is what local runs and tests want.
    /// </summary>
    public TimeSpan TableTransitionDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Region written into table ARNs; null inherits AWS_REGION from this process (dynalite's default is us-east-1).</summary>
    public string? Region { get; init; }

    /// <summary>12-digit account id written into table ARNs; null inherits AWS_ACCOUNT_ID (dynalite's default is 000000000000).</summary>
    public string? AccountId { get; init; }

    /// <summary>Folder holding dynalite's package.json and node_modules; null uses the one this assembly was built with.</summary>
    public string? DynaliteDirectory { get; init; }

    /// <summary>Receives the server's own output and lifecycle messages, one line per call.</summary>
    public Action<string>? Log { get; init; }
}
