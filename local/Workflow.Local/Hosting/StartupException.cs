namespace Workflow.Local.Hosting;

/// <summary>The runtime could not start; <see cref="ExitCode"/> is what the command exits with.</summary>
public sealed class StartupException(string message, int exitCode, Exception? inner = null) : Exception(message, inner)
{
    public const int TemplateError = 2;
    public const int PortInUse = 3;
    public const int DependencyMissing = 4;
    public const int BuildFailed = 5;

    public int ExitCode { get; } = exitCode;
}
