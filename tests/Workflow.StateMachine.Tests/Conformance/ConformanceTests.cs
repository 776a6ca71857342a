namespace Workflow.StateMachine.Tests.Conformance;

/// <summary>
/// Every non-JSONata ASL case of the shared corpus, recorded on AWS: status, output or error and cause, and the
/// history must match. Cases in known-failures.txt are ignored with their reason, and fail once they pass.
/// </summary>
[TestFixture]
public sealed class ConformanceTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        ConformanceCorpus.Cases().Select(c => new TestCaseData(c.Id, c.Path).SetName(c.Id));

    [TestCaseSource(nameof(Cases))]
    public async Task RecordedExecution_RunsLikeOnAws(string caseId, string path)
    {
        var problems = await CaseRunner.RunAsync(path);
        if (KnownFailures.TryGetReason(caseId, out var reason))
        {
            Assert.That(problems, Is.Not.Empty, $"{caseId} is listed in known-failures.txt but now passes: remove it from the list.");
            Assert.Ignore($"Known failure: {reason}");
        }

        Assert.That(problems, Is.Empty, $"{caseId}:\n  " + string.Join("\n  ", problems));
    }
}
