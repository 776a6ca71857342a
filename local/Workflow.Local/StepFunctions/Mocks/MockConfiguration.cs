namespace Workflow.Local.StepFunctions.Mocks;

/// <summary>
/// A Step Functions Local mock configuration (<c>MockConfigFile.json</c>): for each state machine name its test cases,
/// each mapping Task state names to a mocked response sequence.
/// </summary>
public sealed class MockConfiguration
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, MockedResponseSequence>>> stateMachines;

    public MockConfiguration(
        Dictionary<string, Dictionary<string, Dictionary<string, MockedResponseSequence>>> stateMachines,
        string? defaultTestCase)
    {
        this.stateMachines = stateMachines;
        DefaultTestCase = defaultTestCase;
    }

    public static MockConfiguration Empty { get; } = new(new(StringComparer.Ordinal), null);

    /// <summary>The test case applied to executions started without <c>#TestCase</c> (runtime option <c>--mock-test-case</c>).</summary>
    public string? DefaultTestCase { get; }

    public bool IsEmpty => stateMachines.Count == 0;

    public bool HasTestCase(string stateMachineName, string testCase) =>
        stateMachines.TryGetValue(stateMachineName, out var cases) && cases.ContainsKey(testCase);

    /// <summary>The mocked responses for a state of a test case, or null when that state runs for real.</summary>
    public MockedResponseSequence? Find(string stateMachineName, string testCase, string stateName) =>
        stateMachines.TryGetValue(stateMachineName, out var cases)
        && cases.TryGetValue(testCase, out var states)
        && states.TryGetValue(stateName, out var sequence)
            ? sequence
            : null;
}
