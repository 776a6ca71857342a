using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

[TestFixture]
public sealed class ResultPathApplierTests
{
    [Test]
    public void Apply_NullResultPath_KeepsInput()
    {
        var input = JsonNode.Parse("""{"a":1}""");

        Assert.That(ResultPathApplier.Apply(input, null, resultPathIsNull: true, JsonNode.Parse("5")), Is.SameAs(input));
    }

    [TestCase(null)]
    [TestCase("$")]
    public void Apply_AbsentOrRootResultPath_OutputsResult(string? resultPath)
    {
        var result = JsonNode.Parse("""{"r":true}""");

        Assert.That(ResultPathApplier.Apply(JsonNode.Parse("{}"), resultPath, resultPathIsNull: false, result), Is.SameAs(result));
    }

    [TestCase("""{"a":1}""", "$.r", """{"a":1,"r":"R"}""")]
    [TestCase("""{"a":1}""", "$.x.y.z", """{"a":1,"x":{"y":{"z":"R"}}}""")]
    [TestCase("""{"a":{"b":1}}""", "$.a.c", """{"a":{"b":1,"c":"R"}}""")]
    [TestCase("""{"a":1}""", "$.a", """{"a":"R"}""")]
    [TestCase("""{"a":[1,2]}""", "$.a[1]", """{"a":[1,"R"]}""")]
    [TestCase("""{"a":[{"b":1}]}""", "$.a[0].c", """{"a":[{"b":1,"c":"R"}]}""")]
    [TestCase("""{"a":null}""", "$.a.b", """{"a":{"b":"R"}}""")]
    public void Apply_ReferencePath_WritesIntoCopyOfInput(string input, string resultPath, string expected)
    {
        var inputNode = JsonNode.Parse(input);

        var output = ResultPathApplier.Apply(inputNode, resultPath, resultPathIsNull: false, JsonValue.Create("R"));

        Assert.Multiple(() =>
        {
            Assert.That(TestScopes.Json(output), Is.EqualTo(expected));
            Assert.That(TestScopes.Json(inputNode), Is.EqualTo(input));
        });
    }

    [Test]
    public void Apply_ResultIsTheInputItself_InsertsACopy()
    {
        var input = JsonNode.Parse("""{"a":1}""");

        var output = ResultPathApplier.Apply(input, "$.copy", resultPathIsNull: false, input);

        Assert.Multiple(() =>
        {
            Assert.That(TestScopes.Json(output), Is.EqualTo("""{"a":1,"copy":{"a":1}}"""));
            Assert.That(input!.Parent, Is.Null);
        });
    }

    [TestCase("\"text\"", "$.partitioned", "Unable to apply ReferencePath $.partitioned to input \"text\"")]
    [TestCase("""{"a":"s"}""", "$.a.b", "Unable to apply ReferencePath $.a.b to input {\"a\":\"s\"}")]
    [TestCase("""{"a":[1]}""", "$.a[3]", "Unable to apply ReferencePath $.a[3] to input {\"a\":[1]}")]
    [TestCase("[1,2]", "$.x", "Unable to apply ReferencePath $.x to input [1,2]")]
    public void Apply_PathThroughNonObject_ThrowsResultPathMatchFailure(string input, string resultPath, string cause)
    {
        var error = Assert.Throws<StatesException>(
            () => ResultPathApplier.Apply(JsonNode.Parse(input), resultPath, resultPathIsNull: false, JsonValue.Create(1)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Error, Is.EqualTo("States.ResultPathMatchFailure"));
            Assert.That(error.Cause, Is.EqualTo(cause));
        });
    }

    [TestCase("$$.Execution")]
    [TestCase("$.a[*]")]
    [TestCase("$var.x")]
    public void Apply_NonReferenceOrNonInputPath_IsRejected(string resultPath)
    {
        Assert.Throws<ArgumentException>(() => ResultPathApplier.Apply(JsonNode.Parse("{}"), resultPath, false, null));
    }

    [TestCase("$", true)]
    [TestCase("$.a.b[0]", true)]
    [TestCase("$$.Execution", false)]
    [TestCase("$var", false)]
    [TestCase("$.a[*]", false)]
    [TestCase("$.a..b", false)]
    [TestCase("nope", false)]
    public void IsValidResultPath_AcceptsInputReferencePathsOnly(string text, bool valid)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResultPathApplier.IsValidResultPath(text, out var problem), Is.EqualTo(valid));
            Assert.That(problem, valid ? Is.Null : Is.Not.Empty);
        });
    }
}
