using System.Text;

namespace Workflow.Jsonata.Tests;

/// <summary>Hostile expressions end with JSONata's U1001 error instead of overflowing the host's stack or running forever.</summary>
[TestFixture]
public sealed class EvaluationLimitsTests
{
    [Test]
    public void DeepNonTailRecursion_IsAStackOverflowError_NotAHostCrash()
    {
        var expression = JsonataExpression.Compile("( $f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000000) )");

        var error = Assert.Throws<JsonataException>(() => expression.Evaluate(null));

        Assert.That(error!.Code, Is.EqualTo("U1001"));
    }

    [Test]
    public void DeepRecursionOnASmallStack_IsAnError_NotAHostCrash()
    {
        var expression = JsonataExpression.Compile("( $f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000000) )");
        Exception? caught = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    expression.Evaluate(null);
                }
                catch (JsonataException e)
                {
                    caught = e;
                }
            },
            256 * 1024);

        thread.Start();
        thread.Join();

        Assert.That(caught, Is.TypeOf<JsonataException>().With.Property(nameof(JsonataException.Code)).EqualTo("U1001"));
    }

    [Test]
    public void TailRecursion_RunsInConstantStack()
    {
        var expression = JsonataExpression.Compile("( $f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + 1) }; $f(100000, 0) )");

        Assert.That(expression.Evaluate(null), Is.EqualTo(100000d));
    }

    [Test]
    public void DeeplyNestedExpressionText_IsACompileError()
    {
        var text = new StringBuilder().Append('(', 200_000).Append('1').Append(')', 200_000).ToString();

        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile(text));

        Assert.That(error!.Code, Is.EqualTo("U1001"));
    }

    [Test]
    public void InfiniteLoop_StopsAtTheTimeLimit()
    {
        var expression = JsonataExpression.Compile("( $f := function(){ $f() }; $f() )");
        var options = EvaluationOptions.Default with { TimeLimit = TimeSpan.FromMilliseconds(200) };

        var error = Assert.Throws<JsonataException>(() => expression.Evaluate(null, options: options));

        Assert.That(error!.Code, Is.EqualTo("U1001"));
        Assert.That(error.Message, Does.Contain("timeout"));
    }

    [Test]
    public void RecursionBeyondMaxDepth_IsU1001()
    {
        var expression = JsonataExpression.Compile("( $f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100) )");

        Assert.Multiple(() =>
        {
            Assert.That(expression.Evaluate(null), Is.EqualTo(100d));
            var error = Assert.Throws<JsonataException>(() => expression.Evaluate(null, options: EvaluationOptions.Default with { MaxDepth = 50 }));
            Assert.That(error!.Code, Is.EqualTo("U1001"));
        });
    }
}
