using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

[TestFixture]
public sealed class PayloadTemplateTests
{
    [Test]
    public void Evaluate_ReplacesDynamicMembersAtAnyDepth()
    {
        var template = PayloadTemplate.Parse(
            JsonNode.Parse("""
                {"static":"s","id.$":"$.order.id","nested":{"name.$":"$$.Execution.Name","list":[{"v.$":"$.order.items[0]"},7]},
                 "greeting.$":"States.Format('Hi {}', $.order.customer)","var.$":"$limit","all.$":"$.order.items[*]"}
                """),
            "Parameters");
        var scope = TestScopes.With(
            """{"order":{"id":42,"customer":"Ann","items":["a","b"]}}""",
            """{"Execution":{"Name":"run-1"}}""",
            new Dictionary<string, string> { ["limit"] = "10" });

        var result = template.Evaluate(scope);

        Assert.Multiple(() =>
        {
            Assert.That(template.IsStatic, Is.False);
            Assert.That(
                JsonValues.DeepEquals(
                    result,
                    JsonNode.Parse("""
                        {"static":"s","id":42,"nested":{"name":"run-1","list":[{"v":"a"},7]},"greeting":"Hi Ann","var":10,"all":["a","b"]}
                        """)),
                Is.True,
                TestScopes.Json(result));
        });
    }

    [Test]
    public void Evaluate_BuildsAFreshDocumentEachTime()
    {
        var template = PayloadTemplate.Parse(JsonNode.Parse("""{"copy.$":"$.obj","const":{"k":1}}"""), "Parameters");
        var scope = TestScopes.Input("""{"obj":{"x":1}}""");

        var first = template.Evaluate(scope)!;
        first["copy"]!["x"] = 99;
        first["const"]!["k"] = 99;
        var second = template.Evaluate(scope);

        Assert.Multiple(() =>
        {
            Assert.That(TestScopes.Json(second), Is.EqualTo("""{"copy":{"x":1},"const":{"k":1}}"""));
            Assert.That(TestScopes.Json(scope.Input), Is.EqualTo("""{"obj":{"x":1}}"""));
        });
    }

    [Test]
    public void Evaluate_StaticTemplate_IsCopied()
    {
        var template = PayloadTemplate.Parse(JsonNode.Parse("""{"a":[1,{"b":"c.$"}]}"""), "Result");

        Assert.Multiple(() =>
        {
            Assert.That(template.IsStatic, Is.True);
            Assert.That(TestScopes.Json(template.Evaluate(TestScopes.Input("{}"))), Is.EqualTo("""{"a":[1,{"b":"c.$"}]}"""));
        });
    }

    [Test]
    public void Evaluate_PathMatchesNothing_ThrowsRuntimeWithAwsCause()
    {
        var template = PayloadTemplate.Parse(JsonNode.Parse("""{"key.$":"$.missing"}"""), "Parameters");

        var error = Assert.Throws<StatesException>(() => template.Evaluate(TestScopes.Input("""{"a":1}""")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Error, Is.EqualTo("States.Runtime"));
            Assert.That(
                error.Cause,
                Is.EqualTo("The JSONPath '$.missing' specified for the field 'key.$' could not be found in the input '{\"a\":1}'"));
        });
    }

    [Test]
    public void Evaluate_IndefinitePathMatchingNothing_GivesEmptyArray()
    {
        var template = PayloadTemplate.Parse(JsonNode.Parse("""{"hits.$":"$.list[?(@ > 5)]"}"""), "Parameters");

        Assert.That(TestScopes.Json(template.Evaluate(TestScopes.Input("""{"list":[1,2]}"""))), Is.EqualTo("""{"hits":[]}"""));
    }

    [TestCase("""{"a.$":"not a path"}""", "a.$")]
    [TestCase("""{"a.$":5}""", "a.$")]
    [TestCase("""{"outer":{"b.$":"$.a["}}""", "outer/b.$")]
    [TestCase("""{"a.$":"States.NoSuchFunction()"}""", "a.$")]
    [TestCase("""{"a.$":"States.ArrayLength()"}""", "a.$")]
    [TestCase("""{"list":[{"c.$":"nope"}]}""", "list/0/c.$")]
    [TestCase("""{"a":1,"a.$":"$.x"}""", "a.$")]
    public void Parse_InvalidDynamicMember_ThrowsDefinitionExceptionWithLocation(string json, string location)
    {
        var error = Assert.Throws<DefinitionException>(() => PayloadTemplate.Parse(JsonNode.Parse(json), "Parameters"));

        Assert.That(error!.Location, Is.EqualTo(location));
    }

    [Test]
    public void Parse_InvalidDynamicMember_ProblemNamesTheField()
    {
        var error = Assert.Throws<DefinitionException>(() => PayloadTemplate.Parse(JsonNode.Parse("""{"x.$":"oops"}"""), "Parameters"));

        Assert.That(error!.Problem, Is.EqualTo("INVALID_JSON_PATH: The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call"));
    }
}
