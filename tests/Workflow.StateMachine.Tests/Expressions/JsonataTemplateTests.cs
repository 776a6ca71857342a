using System.Text.Json.Nodes;
using Workflow.Jsonata;
using Workflow.StateMachine.Expressions.Jsonata;

namespace Workflow.StateMachine.Tests.Expressions;

/// <summary>JSONata fields ({% %} strings), $states, variables, Step Functions' functions and AWS's error causes.</summary>
[TestFixture]
public sealed class JsonataTemplateTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""{"name":"Ada","items":[1,2,3],"json":"{\"a\":[1,2]}"}""")!;

    private static Dictionary<string, object?> Bindings(params (string Name, string Json)[] variables) =>
        JsonataBindings.Create(Input, context: null, variables.Select(v => KeyValuePair.Create(v.Name, JsonNode.Parse(v.Json))), random: () => 0.5);

    private static JsonNode? Evaluate(string templateJson, Dictionary<string, object?>? bindings = null) =>
        JsonataTemplate.Compile(JsonNode.Parse(templateJson), "Output", "/States/S/Output").Evaluate(bindings ?? Bindings(), EvaluationOptions.Default);

    [Test]
    public void ExpressionsAtAnyDepth_AreEvaluated_AndOtherValuesCopied()
    {
        var result = Evaluate("""{"greeting":"{% 'Hello ' & $states.input.name %}","n":[1,"{% $sum($states.input.items) %}"],"plain":"{ not % an expression","x":true}""");

        Assert.That(result!.ToJsonString(), Is.EqualTo("""{"greeting":"Hello Ada","n":[1,6],"plain":"{ not % an expression","x":true}"""));
    }

    [Test]
    public void WorkflowVariables_AreJsonataVariables()
    {
        var result = Evaluate("\"{% $count * 2 %}\"", Bindings(("count", "21")));

        Assert.That(result!.GetValue<long>(), Is.EqualTo(42));
    }

    [Test]
    public void AnUndefinedResult_IsAQueryEvaluationError_WithAwsCause()
    {
        var error = Assert.Throws<QueryEvaluationException>(() => Evaluate("""{"result":"{% $doesNotExist %}"}"""));

        var states = error!.ToStatesException("State0", 2);
        Assert.Multiple(() =>
        {
            Assert.That(states.Error, Is.EqualTo("States.QueryEvaluationError"));
            Assert.That(states.Cause, Is.EqualTo("An error occurred while executing the state 'State0' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined)."));
        });
    }

    [Test]
    public void AnUnknownFunction_ThrowsT1006_WithAwsCause()
    {
        var error = Assert.Throws<QueryEvaluationException>(() => Evaluate("""{"FunctionResult":"{% $randomSeeded($states.input.name) %}"}"""));

        Assert.That(error!.Detail, Is.EqualTo("The JSONata expression '$randomSeeded($states.input.name)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function"));
    }

    [Test]
    public void Eval_IsNotAvailable()
    {
        var error = Assert.Throws<QueryEvaluationException>(() => Evaluate("\"{% $eval('1 + 1') %}\""));

        Assert.That(error!.Detail, Does.EndWith("T1006: Attempted to invoke a non-function"));
    }

    [Test]
    public void AnInvalidExpression_IsRejectedWhenTheDefinitionIsParsed()
    {
        var error = Assert.Throws<DefinitionException>(() => JsonataTemplate.Compile(JsonNode.Parse("\"{% 1 + %}\""), "Output", "/States/S/Output"));

        Assert.That(error!.Message, Does.Contain("S0207"));
    }

    [TestCase("\"{% $partition([1,2,3,4,5], 2) %}\"", "[[1,2],[3,4],[5]]")]
    [TestCase("\"{% $range(0, 10, 5) %}\"", "[0,5,10]")]
    [TestCase("\"{% $range(3, 1, -1) %}\"", "[3,2,1]")]
    [TestCase("\"{% $hash('input data', 'SHA-256') %}\"", "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"")]
    [TestCase("\"{% $hash('input data', 'SHA-1') %}\"", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [TestCase("\"{% $parse($states.input.json).a[1] %}\"", "2")]
    [TestCase("\"{% $random() %}\"", "0.5")]
    [TestCase("\"{% $random(7) = $random(7) %}\"", "true")]
    [TestCase("\"{% $length($uuid()) %}\"", "36")]
    public void StepFunctionsFunctions(string template, string expected)
    {
        Assert.That(Evaluate(template)!.ToJsonString(), Is.EqualTo(expected));
    }
}
