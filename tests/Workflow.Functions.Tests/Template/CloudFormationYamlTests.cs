using System.Text.Json.Nodes;

namespace Workflow.Functions.Tests.Template;

public class CloudFormationYamlTests
{
    private static JsonObject Parse(string yaml) => CloudFormationYaml.Parse(new StringReader(yaml));

    [Test]
    public void ShortFormIntrinsics_BecomeTheirLongJsonForm()
    {
        var root = Parse("""
            a: !Ref Table
            b: !GetAtt Function.Arn
            c: !Sub arn:${AWS::Partition}:states:::${Name}
            d: !If [IsProd, 200, 50]
            e: !Not [!Equals [!Ref Email, ""]]
            f: !Sub
              - "${x}-y"
              - { x: !Ref Stage }
            """);

        var expected = JsonNode.Parse("""
            {
              "a": {"Ref": "Table"},
              "b": {"Fn::GetAtt": ["Function", "Arn"]},
              "c": {"Fn::Sub": "arn:${AWS::Partition}:states:::${Name}"},
              "d": {"Fn::If": ["IsProd", 200, 50]},
              "e": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Email"}, ""]}]},
              "f": {"Fn::Sub": ["${x}-y", {"x": {"Ref": "Stage"}}]}
            }
            """);
        Assert.That(JsonNode.DeepEquals(root, expected), Is.True, root.ToJsonString());
    }

    [Test]
    public void GetAtt_KeepsDotsInsideTheAttributeName()
    {
        var root = Parse("v: !GetAtt Stack.Outputs.BucketName");

        Assert.That(root["v"]!["Fn::GetAtt"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { "Stack", "Outputs.BucketName" }));
    }

    [Test]
    public void PlainScalars_AreTyped_QuotedScalarsStayText()
    {
        var root = Parse("""
            count: 30
            rate: 0.5
            on: true
            none: ~
            quoted: "30"
            text: rate(5 minutes)
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((long?)root["count"], Is.EqualTo(30));
            Assert.That((double?)root["rate"], Is.EqualTo(0.5));
            Assert.That((bool?)root["on"], Is.True);
            Assert.That(root["none"], Is.Null);
            Assert.That((string?)root["quoted"], Is.EqualTo("30"));
            Assert.That((string?)root["text"], Is.EqualTo("rate(5 minutes)"));
        }
    }

    [Test]
    public void BrokenYaml_NamesTheSourceAndLine()
    {
        var error = Assert.Throws<FormatException>(() => CloudFormationYaml.Parse(new StringReader("a: 1\nb: [unclosed\n"), "t.yaml"));

        Assert.That(error!.Message, Does.StartWith("t.yaml:"));
    }
}
