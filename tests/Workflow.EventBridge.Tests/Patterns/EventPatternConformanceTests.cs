namespace Workflow.EventBridge.Tests.Patterns;

public class EventPatternConformanceTests
{
    [TestCaseSource(typeof(ConformanceCases), nameof(ConformanceCases.All))]
    public void Pattern_GivesAwsRecordedResult(ConformanceCases.Case testCase)
    {
        string actual;
        try
        {
            actual = EventPattern.Parse(testCase.PatternText).Matches(testCase.EventText) ? "match" : "no-match";
        }
        catch (InvalidEventPatternException ex)
        {
            actual = "invalid";
            TestContext.Out.WriteLine(ex.Message);
        }
        Assert.That(actual, Is.EqualTo(testCase.Expected), testCase.Id);
    }
}
