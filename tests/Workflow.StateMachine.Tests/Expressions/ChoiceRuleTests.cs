using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

[TestFixture]
public sealed class ChoiceRuleTests
{
    private const string Input = """
        {"n":1,"f":1.0,"s":"abc","b":true,"nul":null,"ts":"2012-10-09T19:00:55Z","tsOffset":"2012-10-09T20:00:55+01:00",
         "tsFraction":"2012-10-09T19:00:55.5Z","obj":{"k":1},"arr":[1],"two":2,"other":"abd","star":"a*b","pattern":"a\\b"}
        """;

    [TestCase("""{"Variable":"$.n","NumericEquals":1}""", true)]
    [TestCase("""{"Variable":"$.n","NumericEquals":1.0}""", true)]
    [TestCase("""{"Variable":"$.f","NumericEquals":1}""", true)]
    [TestCase("""{"Variable":"$.s","NumericEquals":1}""", false)]
    [TestCase("""{"Variable":"$.n","NumericLessThan":2}""", true)]
    [TestCase("""{"Variable":"$.n","NumericGreaterThan":1}""", false)]
    [TestCase("""{"Variable":"$.n","NumericGreaterThanEquals":1}""", true)]
    [TestCase("""{"Variable":"$.n","NumericLessThanEquals":0.5}""", false)]
    [TestCase("""{"Variable":"$.n","NumericLessThanPath":"$.two"}""", true)]
    [TestCase("""{"Variable":"$.n","NumericEqualsPath":"$.s"}""", false)]
    [TestCase("""{"Variable":"$.s","StringEquals":"abc"}""", true)]
    [TestCase("""{"Variable":"$.s","StringEquals":"ABC"}""", false)]
    [TestCase("""{"Variable":"$.n","StringEquals":"1"}""", false)]
    [TestCase("""{"Variable":"$.s","StringLessThan":"abd"}""", true)]
    [TestCase("""{"Variable":"$.s","StringGreaterThan":"ab"}""", true)]
    [TestCase("""{"Variable":"$.s","StringLessThanEquals":"abc"}""", true)]
    [TestCase("""{"Variable":"$.s","StringGreaterThanEquals":"b"}""", false)]
    [TestCase("""{"Variable":"$.s","StringLessThanPath":"$.other"}""", true)]
    [TestCase("""{"Variable":"$.s","StringEquals":"B"}""", false)]
    [TestCase("""{"Variable":"$.s","StringMatches":"a*"}""", true)]
    [TestCase("""{"Variable":"$.s","StringMatches":"*c"}""", true)]
    [TestCase("""{"Variable":"$.s","StringMatches":"a*b*c"}""", true)]
    [TestCase("""{"Variable":"$.s","StringMatches":"*x*"}""", false)]
    [TestCase("""{"Variable":"$.star","StringMatches":"a\\*b"}""", true)]
    [TestCase("""{"Variable":"$.s","StringMatches":"a\\*c"}""", false)]
    [TestCase("""{"Variable":"$.pattern","StringMatches":"a\\\\b"}""", true)]
    [TestCase("""{"Variable":"$.b","BooleanEquals":true}""", true)]
    [TestCase("""{"Variable":"$.s","BooleanEquals":true}""", false)]
    [TestCase("""{"Variable":"$.b","BooleanEqualsPath":"$.b"}""", true)]
    [TestCase("""{"Variable":"$.nul","IsNull":true}""", true)]
    [TestCase("""{"Variable":"$.s","IsNull":false}""", true)]
    [TestCase("""{"Variable":"$.missing","IsPresent":false}""", true)]
    [TestCase("""{"Variable":"$.nul","IsPresent":true}""", true)]
    [TestCase("""{"Variable":"$.f","IsNumeric":true}""", true)]
    [TestCase("""{"Variable":"$.s","IsString":true}""", true)]
    [TestCase("""{"Variable":"$.b","IsBoolean":true}""", true)]
    [TestCase("""{"Variable":"$.ts","IsTimestamp":true}""", true)]
    [TestCase("""{"Variable":"$.s","IsTimestamp":false}""", true)]
    [TestCase("""{"Variable":"$.ts","TimestampEquals":"2012-10-09T19:00:55Z"}""", true)]
    [TestCase("""{"Variable":"$.tsOffset","TimestampEquals":"2012-10-09T19:00:55Z"}""", true)]
    [TestCase("""{"Variable":"$.tsFraction","TimestampGreaterThan":"2012-10-09T19:00:55Z"}""", true)]
    [TestCase("""{"Variable":"$.ts","TimestampLessThan":"2012-10-09T19:00:56Z"}""", true)]
    [TestCase("""{"Variable":"$.ts","TimestampLessThanEquals":"2012-10-09T19:00:55Z"}""", true)]
    [TestCase("""{"Variable":"$.ts","TimestampGreaterThanEquals":"2012-10-09T19:00:56Z"}""", false)]
    [TestCase("""{"Variable":"$.ts","TimestampEqualsPath":"$.tsOffset"}""", true)]
    [TestCase("""{"Variable":"$.s","TimestampEquals":"2012-10-09T19:00:55Z"}""", false)]
    [TestCase("""{"Variable":"$.n","TimestampEqualsPath":"$.ts"}""", false)]
    [TestCase("""{"And":[{"Variable":"$.n","NumericEquals":1},{"Variable":"$.s","StringEquals":"abc"}]}""", true)]
    [TestCase("""{"And":[{"Variable":"$.n","NumericEquals":1},{"Variable":"$.s","StringEquals":"x"}]}""", false)]
    [TestCase("""{"Or":[{"Variable":"$.n","NumericEquals":2},{"Variable":"$.s","StringEquals":"abc"}]}""", true)]
    [TestCase("""{"Not":{"Variable":"$.n","NumericEquals":2}}""", true)]
    [TestCase("""{"Not":{"Or":[{"Variable":"$.n","NumericEquals":1}]}}""", false)]
    public void Evaluate_FollowsStepFunctionsSemantics(string rule, bool expected)
    {
        Assert.That(Compile(rule).Evaluate(TestScopes.Input(Input)), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_ReadsVariablesAndContext()
    {
        var scope = TestScopes.With(
            "{}",
            """{"Execution":{"Name":"run"}}""",
            new Dictionary<string, string> { ["limit"] = "5" });

        Assert.Multiple(() =>
        {
            Assert.That(Compile("""{"Variable":"$limit","NumericGreaterThan":4}""").Evaluate(scope), Is.True);
            Assert.That(Compile("""{"Variable":"$$.Execution.Name","StringEquals":"run"}""").Evaluate(scope), Is.True);
        });
    }

    [TestCase("""{"Variable":"$.missing","NumericEquals":1}""", "Invalid path '$.missing' : No results for path: $['missing']")]
    [TestCase("""{"Variable":"$.missing","IsNull":true}""", "Invalid path '$.missing' : No results for path: $['missing']")]
    [TestCase("""{"Variable":"$.n","NumericEqualsPath":"$.nope"}""", "Invalid path '$.nope' : No results for path: $['nope']")]
    public void Evaluate_MissingValue_ThrowsStatesRuntime(string rule, string cause)
    {
        var error = Assert.Throws<StatesException>(() => Compile(rule).Evaluate(TestScopes.Input(Input)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Error, Is.EqualTo("States.Runtime"));
            Assert.That(error.Cause, Is.EqualTo(cause));
        });
    }

    [Test]
    public void Parse_TopLevelRule_ExposesNextAndSource()
    {
        var source = JsonNode.Parse("""{"Variable":"$.n","NumericEquals":1,"Next":"Done","Comment":"why"}""")!.AsObject();

        var rule = ChoiceRule.Parse(source, "/States/C/Choices/0", topLevel: true);

        Assert.Multiple(() =>
        {
            Assert.That(rule.Next, Is.EqualTo("Done"));
            Assert.That(rule.Source, Is.SameAs(source));
        });
    }

    [TestCase("""{"Variable":"$.n","NumericEquals":1}""", true, "/C", "These fields are required: [Next]")]
    [TestCase("""{"Variable":"$.n","NumericEquals":1,"Next":"X"}""", false, "/C/Next", "Field 'Next' is not allowed")]
    [TestCase("""{"Variable":"$.n","NumericEquals":1,"StringEquals":"a","Next":"X"}""", true, "/C/StringEquals", "exactly one comparison operator")]
    [TestCase("""{"NumericEquals":1,"Next":"X"}""", true, "/C", "These fields are required: [Variable]")]
    [TestCase("""{"Variable":"$.n","Next":"X"}""", true, "/C", "must have a comparison operator")]
    [TestCase("""{"Variable":"$.n","NumericEquals":"1","Next":"X"}""", true, "/C/NumericEquals", "must be a NUMBER")]
    [TestCase("""{"Variable":"$.n","StringEquals":1,"Next":"X"}""", true, "/C/StringEquals", "must be a STRING")]
    [TestCase("""{"Variable":"$.n","BooleanEquals":"true","Next":"X"}""", true, "/C/BooleanEquals", "must be a BOOLEAN")]
    [TestCase("""{"Variable":"$.n","IsNull":1,"Next":"X"}""", true, "/C/IsNull", "must be a BOOLEAN")]
    [TestCase("""{"Variable":"$.n","StringMatches":true,"Next":"X"}""", true, "/C/StringMatches", "must be a STRING")]
    [TestCase("""{"Variable":"$.n","TimestampEquals":"yesterday","Next":"X"}""", true, "/C/TimestampEquals", "valid ISO-8601")]
    [TestCase("""{"Variable":"$.n","NumericEqualsPath":"nope","Next":"X"}""", true, "/C/NumericEqualsPath", "INVALID_JSON_PATH")]
    [TestCase("""{"Variable":"n","NumericEquals":1,"Next":"X"}""", true, "/C/Variable", "INVALID_JSON_PATH")]
    [TestCase("""{"Variable":"$.n","NumericEquals":1,"Next":"X","Extra":1}""", true, "/C/Extra", "Field 'Extra' is not supported")]
    [TestCase("""{"And":[],"Next":"X"}""", true, "/C/And", "non-empty ARRAY")]
    [TestCase("""{"And":[{"Variable":"$.n","NumericEquals":1,"Next":"Y"}],"Next":"X"}""", true, "/C/And/0/Next", "Field 'Next' is not allowed")]
    [TestCase("""{"Or":[{"Variable":"$.n"}],"Next":"X"}""", true, "/C/Or/0", "must have a comparison operator")]
    [TestCase("""{"Not":[{"Variable":"$.n","IsNull":true}],"Next":"X"}""", true, "/C/Not", "must be an OBJECT")]
    [TestCase("""{"Not":{"Variable":"$.n","IsNull":"yes"},"Next":"X"}""", true, "/C/Not/IsNull", "must be a BOOLEAN")]
    [TestCase("""{"Variable":"$.n","And":[{"Variable":"$.n","IsNull":true}],"Next":"X"}""", true, "/C/Variable", "not supported with 'And'")]
    public void Parse_InvalidRule_ThrowsDefinitionExceptionAtTheField(string rule, bool topLevel, string location, string problem)
    {
        var error = Assert.Throws<DefinitionException>(() => ChoiceRule.Parse(JsonNode.Parse(rule)!.AsObject(), "/C", topLevel));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Location, Is.EqualTo(location));
            Assert.That(error.Problem, Does.Contain(problem));
        });
    }

    [TestCase("2016-03-14T01:59:00Z", true)]
    [TestCase("2016-03-14T01:59Z", true)]
    [TestCase("2016-03-14T01:59:00.123456789Z", true)]
    [TestCase("2016-03-14T01:59:00+05:30", true)]
    [TestCase("2016-03-14T01:59:00-00:00", true)]
    [TestCase("2016-03-14T01:59:00", false)]
    [TestCase("2016-03-14 01:59:00Z", false)]
    [TestCase("2016-03-14t01:59:00z", true)]
    [TestCase("2016-03-14T01:59:00+01", true)]
    [TestCase("2016-03-14T01:59:00+01:00:30", true)]
    [TestCase("2016-03-14T01:59:00.5", false)]
    [TestCase("2016-03-14T01:59:00+19:00", false)]
    [TestCase("0001-01-01T00:00:00+01:00", false)]
    [TestCase("2016-13-05T21:29:29Z", false)]
    [TestCase("2016-02-30T21:29:29Z", false)]
    [TestCase("2016-12-05T25:29:29Z", false)]
    [TestCase("2016-12-05T21:29:29.1234567891Z", false)]
    [TestCase("2016-12-05T21:29:29+0100", false)]
    [TestCase("2023-02-24", false)]
    public void TimestampParser_FollowsJavaIsoOffsetDateTime(string text, bool valid)
    {
        Assert.That(StepFunctionsTimestamp.TryParse(text, out _), Is.EqualTo(valid));
    }

    [Test]
    public void TimestampParser_KeepsFractionAndOffset()
    {
        Assert.That(StepFunctionsTimestamp.TryParse("2016-03-14T01:59:00.25+02:00", out var value), Is.True);

        Assert.That(value.UtcDateTime, Is.EqualTo(new DateTime(2016, 3, 13, 23, 59, 0, 250, DateTimeKind.Utc)));
    }

    private static ChoiceRule Compile(string rule) =>
        ChoiceRule.Parse(JsonNode.Parse(rule)!.AsObject(), "/States/C/Choices/0", topLevel: false);
}
