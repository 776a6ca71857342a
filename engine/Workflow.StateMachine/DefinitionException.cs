namespace Workflow.StateMachine;

/// <summary>
/// A state machine definition that Step Functions would reject at CreateStateMachine
/// (<c>InvalidDefinition</c>), with the JSON location at fault (e.g. <c>/States/Choose/Choices/0</c>).
/// </summary>
public sealed class DefinitionException(string location, string problem)
    : Exception($"Invalid State Machine Definition: '{problem} at {location}'")
{
    public string Location { get; } = location;

    public string Problem { get; } = problem;
}
