using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

[TestFixture]
public sealed class IntrinsicFunctionTests
{
    private const string Input = """
        {"name":"Arnav","n":3,"f":1.5,"whole":1.0,"big":1e20,"small":0.0001,"list":[1,2,3,2,1],"obj":{"k":"v","arr":[1,"x"]},
         "nested":{"a":{"a1":1},"b":2},"other":{"a":{"a2":2},"c":3},"json":"{\"x\":[1,2]}","csv":"a,b,,c"}
        """;

    [TestCase("States.Format('Hello, my name is {}.', $.name)", "\"Hello, my name is Arnav.\"")]
    [TestCase("States.Format('{} and {}', $.n, $.f)", "\"3 and 1.5\"")]
    [TestCase("States.Format('{}', $.whole)", "\"1.0\"")]
    [TestCase("States.Format('{}', $.big)", "\"1.0E20\"")]
    [TestCase("States.Format('{}', $.small)", "\"1.0E-4\"")]
    [TestCase("States.Format('{}', $.obj)", "\"{k=v, arr=[1, x]}\"")]
    [TestCase("States.Format('{}', $.missingIsNot)", null)]
    [TestCase("States.Format('escaped \\{\\} and \\' quote {}', $.n)", "\"escaped {} and ' quote 3\"")]
    [TestCase("States.Format('no placeholders')", "\"no placeholders\"")]
    [TestCase("States.StringToJson($.json)", """{"x":[1,2]}""")]
    [TestCase("States.JsonToString($.obj)", "\"{\\\"k\\\":\\\"v\\\",\\\"arr\\\":[1,\\\"x\\\"]}\"")]
    [TestCase("States.Array($.n, 'two', true, null, 4.5)", """[3,"two",true,null,4.5]""")]
    [TestCase("States.Array()", "[]")]
    [TestCase("States.ArrayPartition($.list, 2)", "[[1,2],[3,2],[1]]")]
    [TestCase("States.ArrayContains($.list, 3)", "true")]
    [TestCase("States.ArrayContains($.list, 9)", "false")]
    [TestCase("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]")]
    [TestCase("States.ArrayRange(5, 1, -2)", "[5,3,1]")]
    [TestCase("States.ArrayGetItem($.list, 2)", "3")]
    [TestCase("States.ArrayLength($.list)", "5")]
    [TestCase("States.ArrayUnique($.list)", "[1,2,3]")]
    [TestCase("States.Base64Encode('Data to encode')", "\"RGF0YSB0byBlbmNvZGU=\"")]
    [TestCase("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "\"Data to encode\"")]
    [TestCase("States.Hash('input data', 'SHA-1')", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [TestCase("States.Hash('input data', 'MD5')", "\"812f45842bc6d66ee14572ce20db8e86\"")]
    [TestCase("States.JsonMerge($.nested, $.other, false)", """{"a":{"a2":2},"b":2,"c":3}""")]
    [TestCase("States.MathAdd(1.49, 1.5)", "3")]
    [TestCase("States.MathAdd(-2.5, 0)", "-2")]
    [TestCase("States.MathAdd($.n, -1)", "2")]
    [TestCase("States.StringSplit($.csv, ',')", """["a","b","c"]""")]
    [TestCase("States.StringSplit('a.b+c', '.+')", """["a","b","c"]""")]
    [TestCase("States.ArrayGetItem(States.StringSplit('x-y-z', '-'), States.MathAdd(States.ArrayLength(States.StringSplit('x-y-z', '-')), -1))", "\"z\"")]
    public void Evaluate_ReturnsAwsResult(string call, string? expected)
    {
        if (expected is null)
        {
            var error = Assert.Throws<StatesException>(() => Evaluate(call));
            Assert.That(error!.Error, Is.EqualTo("States.Runtime"));
            return;
        }

        Assert.That(TestScopes.Json(Evaluate(call)), Is.EqualTo(expected));
    }

    [Test]
    public void JsonToString_KeepsNonAsciiAndEscapesOnlyQuotesBackslashesAndControlCharacters()
    {
        var input = new JsonObject { ["s"] = "é <b> & \U0001F197 \"q\" \\ \t" };

        var value = IntrinsicFunctions.Parse("States.JsonToString($.s)").Evaluate(new EvaluationScope(input, null, null));

        Assert.That(value!.GetValue<string>(), Is.EqualTo("\"é <b> & \U0001F197 \\\"q\\\" \\\\ \\t\""));
    }

    [Test]
    public void Uuid_IsRandomVersion4()
    {
        var first = Evaluate("States.UUID()")!.GetValue<string>();
        var second = Evaluate("States.UUID()")!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
            Assert.That(second, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void MathRandom_StaysWithinStartInclusiveEndExclusive()
    {
        for (var i = 0; i < 200; i++)
        {
            var value = Evaluate("States.MathRandom(1, 4)")!.GetValue<long>();
            Assert.That(value, Is.InRange(1, 3));
        }
    }

    [Test]
    public void MathRandom_WithSeed_IsRepeatable()
    {
        var first = Evaluate("States.MathRandom(0, 1000000, 42)")!.GetValue<long>();
        var second = Evaluate("States.MathRandom(0, 1000000, 42)")!.GetValue<long>();

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCase("States.StringToJson(' ')", "null")]
    [TestCase("States.StringToJson('-0')", "0")]
    [TestCase("States.JsonToString(null)", "\"null\"")]
    [TestCase("States.JsonToString(States.StringToJson('[1e2, 1.10, -0, 7]'))", "\"[100.0,1.1,0,7]\"")]
    public void Evaluate_EdgeValues_MatchAws(string call, string expected)
    {
        Assert.That(TestScopes.Json(Evaluate(call)), Is.EqualTo(expected));
    }

    [TestCase("States.ArrayGetItem($.list, 5)")]
    [TestCase("States.ArrayGetItem($.name, 0)")]
    [TestCase("States.ArrayPartition($.list, 0)")]
    [TestCase("States.ArrayRange(1, 2, 0)")]
    [TestCase("States.ArrayRange(0, 2000, 1)")]
    [TestCase("States.Format('{} {}', $.n)")]
    [TestCase("States.Hash('data', 'SHA-999')")]
    [TestCase("States.JsonMerge($.nested, $.other, true)")]
    [TestCase("States.JsonMerge($.list, $.other, false)")]
    [TestCase("States.StringToJson('{not json')")]
    [TestCase("States.Base64Decode('***')")]
    [TestCase("States.MathAdd($.name, 1)")]
    [TestCase("States.MathRandom(5, 5)")]
    [TestCase("States.ArrayLength($.obj)")]
    [TestCase("States.StringSplit($.n, ',')")]
    public void Evaluate_InvalidArguments_ThrowsIntrinsicFailure(string call)
    {
        var error = Assert.Throws<StatesException>(() => Evaluate(call));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Error, Is.EqualTo("States.IntrinsicFailure"));
            Assert.That(error.Cause, Does.StartWith("Invalid arguments in States."));
        });
    }

    [Test]
    public void Evaluate_PathArgumentMissing_ThrowsRuntimeNamingTheField()
    {
        var call = IntrinsicFunctions.Parse("States.Format('{}', $.absent)", "greeting.$");

        var error = Assert.Throws<StatesException>(() => call.Evaluate(TestScopes.Input("""{"a":1}""")));

        Assert.That(error!.Cause, Is.EqualTo("The JSONPath '$.absent' specified for the field 'greeting.$' could not be found in the input '{\"a\":1}'"));
    }

    [TestCase("States.Unknown()")]
    [TestCase("States.Format(")]
    [TestCase("States.Format('unterminated)")]
    [TestCase("States.UUID(1)")]
    [TestCase("States.ArrayLength()")]
    [TestCase("States.Array(nope)")]
    [TestCase("States.Array($.a) trailing")]
    [TestCase("States.Array($.a[)")]
    [TestCase("States.Array(05)")]
    public void Parse_InvalidCall_ThrowsArgumentException(string call)
    {
        Assert.Throws<ArgumentException>(() => IntrinsicFunctions.Parse(call));
    }

    [TestCase("States.Format('x')", true)]
    [TestCase("States.UUID()", true)]
    [TestCase("$.path", false)]
    [TestCase("States.Format", false)]
    [TestCase("Format('x')", false)]
    public void IsIntrinsic_RecognisesCalls(string text, bool expected)
    {
        Assert.That(IntrinsicFunctions.IsIntrinsic(text), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_ReadsContextAndVariables()
    {
        var scope = TestScopes.With(
            "{}",
            """{"StateMachine":{"Name":"machine-blue"}}""",
            new Dictionary<string, string> { ["suffix"] = "\"!\"" });

        var value = IntrinsicFunctions.Parse("States.Format('{}{}', States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 1), $suffix)")
            .Evaluate(scope);

        Assert.That(TestScopes.Json(value), Is.EqualTo("\"blue!\""));
    }

    [Test]
    public void Evaluate_ResultDoesNotShareNodesWithInput()
    {
        var scope = TestScopes.Input(Input);

        var array = IntrinsicFunctions.Parse("States.Array($.obj)").Evaluate(scope)!.AsArray();
        array[0]!["k"] = "changed";

        Assert.That(scope.Input!["obj"]!["k"]!.GetValue<string>(), Is.EqualTo("v"));
    }

    [TestCase("1.0", "1.0")]
    [TestCase("-0.0", "-0.0")]
    [TestCase("-0", "0")]
    [TestCase("10", "10")]
    [TestCase("123456789012345678901234567890", "123456789012345678901234567890")]
    [TestCase("123456.789", "123456.789")]
    [TestCase("1e7", "1.0E7")]
    [TestCase("1.5e-5", "1.5E-5")]
    [TestCase("0.001", "0.001")]
    [TestCase("9999999.5", "9999999.5")]
    [TestCase("-2.25e100", "-2.25E100")]
    public void Format_Number_PrintsLikeJava(string json, string expected)
    {
        var format = IntrinsicFunctions.Parse("States.Format('{}', $.v)");
        var input = new JsonObject { ["v"] = JsonNode.Parse(json) };

        Assert.That(format.Evaluate(new EvaluationScope(input, null, null))!.GetValue<string>(), Is.EqualTo(expected));
    }

    private static JsonNode? Evaluate(string call) => IntrinsicFunctions.Parse(call).Evaluate(TestScopes.Input(Input));
}
