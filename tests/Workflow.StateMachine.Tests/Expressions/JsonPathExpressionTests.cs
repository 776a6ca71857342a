using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

[TestFixture]
public sealed class JsonPathExpressionTests
{
    private const string Store = """
        {"store":{"book":[
          {"title":"A","price":8,"tag":"x"},
          {"title":"B","price":12.5,"tag":"y"},
          {"title":"C","price":20,"isbn":"1"}],
         "bicycle":{"price":19}},
         "items":[0,1,2,3,4,5]}
        """;

    [TestCase("$", """{"a":1}""")]
    [TestCase("$.a", "1")]
    [TestCase("$['a']", "1")]
    [TestCase("$.b.c[1]", "\"y\"")]
    [TestCase("$.b.c[-1]", "\"y\"")]
    [TestCase("$['b']['c'][0]", "\"x\"")]
    [TestCase("$.b[\"c\"][0]", "\"x\"")]
    [TestCase("$.n", "null")]
    public void TryEvaluate_ReferencePath_ReturnsTheValue(string path, string expected)
    {
        var scope = TestScopes.Input("""{"a":1,"b":{"c":["x","y"]},"n":null}""");
        var compiled = JsonPathExpression.Parse(path);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.TryEvaluate(scope, out var value), Is.True);
            Assert.That(compiled.IsReferencePath, Is.True);
            if (path == "$")
            {
                Assert.That(TestScopes.Json(value), Is.EqualTo("""{"a":1,"b":{"c":["x","y"]},"n":null}"""));
            }
            else
            {
                Assert.That(TestScopes.Json(value), Is.EqualTo(expected));
            }
        });
    }

    [TestCase("$.missing")]
    [TestCase("$.a.b")]
    [TestCase("$.b.c[2]")]
    [TestCase("$.b.c.x")]
    [TestCase("$[0]")]
    public void TryEvaluate_MissingReference_ReturnsFalse(string path)
    {
        var scope = TestScopes.Input("""{"a":1,"b":{"c":["x","y"]}}""");

        Assert.That(JsonPathExpression.Parse(path).TryEvaluate(scope, out _), Is.False);
    }

    [TestCase("$.store.book[*].title", """["A","B","C"]""")]
    [TestCase("$.store.book[0,2].title", """["A","C"]""")]
    [TestCase("$..price", """[8,12.5,20,19]""")]
    [TestCase("$.items[1:3]", "[1,2]")]
    [TestCase("$.items[:2]", "[0,1]")]
    [TestCase("$.items[-2:]", "[4,5]")]
    [TestCase("$.items[::2]", "[0,2,4]")]
    [TestCase("$.store.book[?(@.price < 10)].title", """["A"]""")]
    [TestCase("$.store.book[?(@.price >= 12.5 && @.tag == 'y')].title", """["B"]""")]
    [TestCase("$.store.book[?(@.tag == 'x' || @.price > 15)].title", """["A","C"]""")]
    [TestCase("$.store.book[?(@.isbn)].title", """["C"]""")]
    [TestCase("$.store.book[?(!(@.price < 10))].title", """["B","C"]""")]
    [TestCase("$.store.book[?(@.title =~ /b/i)].title", """["B"]""")]
    [TestCase("$.store.book[?(@.price > $.store.bicycle.price)].title", """["C"]""")]
    [TestCase("$.store.book[?(@.price > 100)]", "[]")]
    [TestCase("$.items[*]", "[0,1,2,3,4,5]")]
    public void TryEvaluate_IndefinitePath_ReturnsArrayOfMatches(string path, string expected)
    {
        var compiled = JsonPathExpression.Parse(path);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.IsReferencePath, Is.False);
            Assert.That(compiled.IsDefinite, Is.False);
            Assert.That(compiled.TryEvaluate(TestScopes.Input(Store), out var value), Is.True);
            Assert.That(TestScopes.Json(value), Is.EqualTo(expected));
        });
    }

    [Test]
    public void TryEvaluate_MemberUnionAtEnd_ReturnsObjectOfPresentMembers()
    {
        var compiled = JsonPathExpression.Parse("$['a','c','zz']");

        Assert.That(compiled.TryEvaluate(TestScopes.Input("""{"a":1,"b":2,"c":3}"""), out var value), Is.True);
        Assert.That(TestScopes.Json(value), Is.EqualTo("""{"a":1,"c":3}"""));
    }

    [Test]
    public void TryEvaluate_ChoosesRootByPrefix()
    {
        var scope = TestScopes.With(
            """{"who":"input"}""",
            """{"Execution":{"Name":"exec-1"}}""",
            new Dictionary<string, string> { ["myVar"] = """{"who":"variable","list":[10,20]}""" });

        Assert.Multiple(() =>
        {
            Assert.That(Evaluate("$.who", scope), Is.EqualTo("\"input\""));
            Assert.That(Evaluate("$$.Execution.Name", scope), Is.EqualTo("\"exec-1\""));
            Assert.That(Evaluate("$myVar.who", scope), Is.EqualTo("\"variable\""));
            Assert.That(Evaluate("$myVar.list[1]", scope), Is.EqualTo("20"));
            Assert.That(Evaluate("$myVar", scope), Is.EqualTo("""{"who":"variable","list":[10,20]}"""));
            Assert.That(JsonPathExpression.Parse("$myVar").Root, Is.EqualTo(PathRoot.Variable));
            Assert.That(JsonPathExpression.Parse("$$").Root, Is.EqualTo(PathRoot.Context));
            Assert.That(JsonPathExpression.Parse("$undefinedVar").TryEvaluate(scope, out _), Is.False);
        });
    }

    [Test]
    public void TryEvaluate_IndefinitePath_ReturnsCopiesNotScopeNodes()
    {
        var scope = TestScopes.Input("""{"a":[{"x":1}]}""");

        JsonPathExpression.Parse("$.a[*]").TryEvaluate(scope, out var value);
        value!.AsArray()[0]!["x"] = 2;

        Assert.That(TestScopes.Json(scope.Input), Is.EqualTo("""{"a":[{"x":1}]}"""));
    }

    [TestCase("$.NoSuchInputPath", "{}", "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']")]
    [TestCase("$.no.such.result.path", "{}", "Invalid path '$.no.such.result.path' : Missing property in path $['no']")]
    [TestCase("$.a.b.c", """{"a":{}}""", "Invalid path '$.a.b.c' : Missing property in path $['a']['b']")]
    [TestCase("$.a[3]", """{"a":[1]}""", "Invalid path '$.a[3]' : No results for path: $['a'][3]")]
    [TestCase(
        "$.a.b",
        """{"a":"text"}""",
        "Invalid path '$.a.b' : Expected to find an object with property ['b'] in path $['a'] but found 'java.lang.String'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.")]
    public void Evaluate_MissingValue_ThrowsStatesRuntimeWithJaywayCause(string path, string input, string cause)
    {
        var error = Assert.Throws<StatesException>(() => JsonPathExpression.Parse(path).Evaluate(TestScopes.Input(input)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Error, Is.EqualTo("States.Runtime"));
            Assert.That(error.Cause, Is.EqualTo(cause));
        });
    }

    [TestCase("")]
    [TestCase("a.b")]
    [TestCase("$.")]
    [TestCase("$.a[")]
    [TestCase("$.a[x]")]
    [TestCase("$.a b")]
    [TestCase("$..")]
    [TestCase("$.a[?(@.x >)]")]
    [TestCase("$.a['unterminated]")]
    [TestCase("$.a[1:2:0]")]
    [TestCase("$.a[?(@.x == 05)]")]
    public void Parse_InvalidSyntax_ThrowsArgumentExceptionNamingThePath(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => JsonPathExpression.Parse(path));

        Assert.That(error!.Message, Does.Contain("Invalid JSONPath"));
    }

    [Test]
    public void Parse_SameText_ReturnsCachedInstance()
    {
        var first = JsonPathExpression.Parse("$.cached.path[0]");
        var second = JsonPathExpression.Parse(string.Concat("$.cached", ".path[0]"));

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void Parse_BracketNameWithBackslashes_KeepsThemLikeAws()
    {
        var scope = new EvaluationScope(new JsonObject { ["Test\\\"\"Name\""] = "found" }, null, null);

        Assert.That(Evaluate("$['Test\\\"\"Name\"']", scope), Is.EqualTo("\"found\""));
    }

    [Test]
    public void NormalizedPath_UsesJaywayNotation()
    {
        Assert.That(JsonPathExpression.Parse("$.a.b[2].c").NormalizedPath, Is.EqualTo("$['a']['b'][2]['c']"));
    }

    private static string Evaluate(string path, EvaluationScope scope)
    {
        Assert.That(JsonPathExpression.Parse(path).TryEvaluate(scope, out var value), Is.True, path);
        return TestScopes.Json(value);
    }

    [Test]
    public void EvaluateForField_Missing_ThrowsRuntimeNamingTheField()
    {
        var error = Assert.Throws<StatesException>(
            () => JsonPathExpression.Parse("$.ErrorX").EvaluateForField(TestScopes.Input("""{"e":"x"}"""), "ErrorPath"));

        Assert.That(
            error!.Cause,
            Is.EqualTo("The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{\"e\":\"x\"}'"));
    }

    [TestCase("""{"a":5}""", "java.lang.Integer")]
    [TestCase("""{"a":5000000000}""", "java.lang.Long")]
    [TestCase("""{"a":1.5}""", "java.lang.Double")]
    [TestCase("""{"a":[1]}""", "net.minidev.json.JSONArray")]
    [TestCase("""{"a":null}""", "null")]
    public void DescribeFailure_PropertyOnNonObject_NamesJavaClass(string input, string javaClass)
    {
        var description = JsonPathExpression.Parse("$.a.b").DescribeFailure(TestScopes.Input(input));

        Assert.That(description, Does.Contain($"but found '{javaClass}'"));
    }

    [TestCase("$.items.length()", "6")]
    [TestCase("$.store.book.length()", "3")]
    [TestCase("$.store.length()", "2")]
    [TestCase("$..price.sum()", "59.5")]
    [TestCase("$.items.max()", "5.0")]
    [TestCase("$.items.avg()", "2.5")]
    [TestCase("$.items.first()", "0")]
    [TestCase("$.items.last()", "5")]
    [TestCase("$.store.bicycle.keys()", """["price"]""")]
    public void TryEvaluate_TrailingPathFunction_AppliesJaywayFunction(string path, string expected)
    {
        var compiled = JsonPathExpression.Parse(path);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.IsReferencePath, Is.False);
            Assert.That(compiled.IsDefinite, Is.True);
            Assert.That(compiled.TryEvaluate(TestScopes.Input(Store), out var value), Is.True);
            Assert.That(TestScopes.Json(value), Is.EqualTo(expected));
        });
    }

    [TestCase("$.store.book[0].title.length()")]
    [TestCase("$.missing.length()")]
    [TestCase("$.store.bicycle.sum()")]
    public void TryEvaluate_PathFunctionWithoutInput_ReturnsFalse(string path)
    {
        Assert.That(JsonPathExpression.Parse(path).TryEvaluate(TestScopes.Input(Store), out _), Is.False);
    }

    [TestCase("$.a.nosuch()")]
    [TestCase("$.a.length().b")]
    [TestCase("$.a.length(1)")]
    public void Parse_BadPathFunction_IsRejected(string path)
    {
        Assert.Throws<ArgumentException>(() => JsonPathExpression.Parse(path));
    }
}
