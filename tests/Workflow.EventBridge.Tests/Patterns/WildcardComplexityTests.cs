namespace Workflow.EventBridge.Tests.Patterns;

public class WildcardComplexityTests
{
    private static string Field(params string[] wildcards) =>
        "{\"key\":[" + string.Join(",", wildcards.Select(w => $$"""{"wildcard":"{{w}}"}""")) + "]}";

    [TestCase("*a*b*c*d*e")]
    [TestCase("arn:aws:events:us-east-1:*:event-bus/*")]
    [TestCase("/Users/*/dir/dir/dir/dir/dir/doc.txt")]
    public void SingleOperand_WithinLimit_IsAccepted(string wildcard) =>
        Assert.DoesNotThrow(() => EventPattern.Parse(Field(wildcard)));

    [TestCase("*a*b*c*d*e*f")]
    [TestCase("*:*:*:*:*:event-bus/*")]
    public void SingleOperand_WithTooManyWildcards_IsTooComplex(string wildcard) =>
        Assert.That(Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse(Field(wildcard)))!.Reason,
            Does.StartWith("Rule is too complex"));

    [Test]
    public void FewOperandsOnOneField_AreAccepted() =>
        Assert.DoesNotThrow(() => EventPattern.Parse(Field("*/datasync/*.bif", "*/datasync/*.tif")));

    [Test]
    public void ManyOperandsOnOneField_AreTooComplexTogether() =>
        Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse(Field("*.bif", "*.tiff", "*.tif", "*.svs")));

    [Test]
    public void OperandsOnDifferentFields_AreJudgedSeparately() =>
        Assert.DoesNotThrow(() => EventPattern.Parse(
            """{"a":[{"wildcard":"*.bif"},{"wildcard":"*.tif"}],"b":[{"wildcard":"*.svs"},{"wildcard":"*.tiff"}]}"""));
}
