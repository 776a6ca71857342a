namespace Workflow.Jsonata.Tests;

/// <summary>Time and randomness come from the options, so results are reproducible.</summary>
[TestFixture]
public sealed class InjectedSourcesTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public void Millis_ReadsTheTimeProviderOncePerEvaluation()
    {
        var options = EvaluationOptions.Default with { TimeProvider = new FixedTime(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)) };

        var result = JsonataExpression.Compile("[$millis(), $millis()]").Evaluate(null, options: options);

        Assert.That(result, Is.EqualTo(new object[] { 1_700_000_000_123d, 1_700_000_000_123d }));
    }

    [Test]
    public void Random_AndShuffle_UseTheInjectedSource()
    {
        var options = EvaluationOptions.Default with { Random = () => 0.25 };

        Assert.Multiple(() =>
        {
            Assert.That(JsonataExpression.Compile("$random()").Evaluate(null, options: options), Is.EqualTo(0.25));
            Assert.That(JsonataExpression.Compile("$shuffle([1,2,3,4])").Evaluate(null, options: options), Is.EqualTo(new object[] { 4d, 3d, 1d, 2d }));
        });
    }
}
