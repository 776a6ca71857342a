namespace Workflow.Local.Functions;

/// <summary>A function could not be built (or has no build output and building was turned off).</summary>
public sealed class BuildException(string message) : Exception(message);
