namespace Workflow.Testing;

/// <summary>Routes fixture diagnostics to the test runner's output without tying the fixtures to one test framework.</summary>
public static class TestLog
{
    public static void Write(string line) => Console.Error.WriteLine(line);
}
