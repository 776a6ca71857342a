namespace Workflow.Local.StepFunctions.Mocks;

/// <summary>The mock configuration file is unreadable or breaks the documented format; the message names file and member.</summary>
public sealed class MockConfigurationException(string message) : Exception(message);
