namespace Workflow.Jsonata.Tests.Suite;

/// <summary>
/// Every case of the JSONata 2.0.6 reference suite, one test case each, named by the case id. Cases that use
/// <c>$eval</c> (not available in Step Functions) are listed in not-applicable.txt; cases not yet passing are
/// listed in known-failures.txt and fail the run once they pass, so the list only shrinks.
/// </summary>
[TestFixture]
public sealed class JsonataSuiteTests
{
    private static readonly Lazy<Dictionary<string, string>> KnownFailures = new(() => IdList.Load("known-failures.txt"));
    private static readonly Lazy<Dictionary<string, string>> NotApplicable = new(() => IdList.Load("not-applicable.txt"));

    public static IEnumerable<TestCaseData> Cases() =>
        SuiteCase.All().Select(c => new TestCaseData(c).SetName(c.Id));

    [TestCaseSource(nameof(Cases))]
    public void Case(object suiteCase)
    {
        var c = (SuiteCase)suiteCase;
        if (NotApplicable.Value.TryGetValue(c.Id, out var why))
        {
            Assert.Ignore($"Not applicable: {why}");
        }

        var problem = Run(c);
        if (KnownFailures.Value.TryGetValue(c.Id, out var reason))
        {
            Assert.That(problem, Is.Not.Null, $"{c.Id} is listed in known-failures.txt but now passes: remove it from the list.");
            Assert.Ignore($"Known failure: {reason}");
        }

        Assert.That(problem, Is.Null, $"{c.Id}: {c.Expression}\n{problem}");
    }

    [Test]
    public void NotApplicableList_IsExactlyTheCasesThatUseEval()
    {
        var usingEval = SuiteCase.All().Where(c => c.Expression.Contains("$eval", StringComparison.Ordinal)).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.That(NotApplicable.Value.Keys.Order(StringComparer.Ordinal), Is.EqualTo(usingEval));
    }

    private static string? Run(SuiteCase c)
    {
        object? result;
        try
        {
            var expression = JsonataExpression.Compile(c.Expression);
            result = expression.Evaluate(c.Input(), c.Bindings(), c.Options());
        }
        catch (JsonataException e)
        {
            if (c.ExpectedCode is null)
            {
                return $"unexpected error {e.Code}: {e.Message}";
            }

            if (e.Code != c.ExpectedCode)
            {
                return $"expected error {c.ExpectedCode}, got {e.Code}: {e.Message}";
            }

            if (c.ExpectedMessage is { } message && e.Message != message)
            {
                return $"expected message \"{message}\", got \"{e.Message}\"";
            }

            return null;
        }

        if (c.ExpectedCode is not null)
        {
            return $"expected error {c.ExpectedCode}, got result {Describe(result)}";
        }

        if (c.Document["undefinedResult"]?.GetValue<bool>() == true)
        {
            return result is null ? null : $"expected undefined, got {Describe(result)}";
        }

        if (!c.Document.TryGetPropertyValue("result", out var expected))
        {
            return "case has no expected outcome";
        }

        return ResultMatcher.Matches(result, expected) ? null : $"expected {expected?.ToJsonString() ?? "null"}, got {Describe(result)}";
    }

    private static string Describe(object? value) => value is null ? "undefined" : JsonataValues.ToJsonNode(value)?.ToJsonString() ?? "null";
}
