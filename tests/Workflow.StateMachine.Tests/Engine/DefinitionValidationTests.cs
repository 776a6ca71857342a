using Workflow.StateMachine.Api;
using Workflow.StateMachine.Definition;

namespace Workflow.StateMachine.Tests.Engine;

public sealed class DefinitionValidationTests
{
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Foo":1}}}""", "/States/A/Foo", "not supported")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""", "/States/A", "Next")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""", "/States/A/Next", "Missing 'Next' target: Nowhere")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"B":{"Type":"Pass","End":true}}}""", "/States/B", "not reachable")]
    [TestCase("""{"StartAt":"Z","States":{"A":{"Type":"Pass","End":true}}}""", "/StartAt", "Missing 'Next' target: Z")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::x:y","End":true,"Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}]}}}""", "/States/A/Retry/0/ErrorEquals", "last")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::x:y","End":true,"Catch":[{"ErrorEquals":["States.ALL","X"],"Next":"A"}]}}}""", "/States/A/Catch/0/ErrorEquals", "alone")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$$$","End":true}}}""", "/States/A/InputPath", "INVALID_JSON_PATH")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}""", "/States/A/ResultPath", "reference path")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Y"}}}}}}""", "/States/A/ItemProcessor/States/X/Next", "Missing 'Next' target: Y")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Wait","End":true}}}]}}}""", "/States/A/Branches/0/States/X", "exactly one")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::x:y","End":true,"Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}]}}}""", "/States/A/Retry/0/BackoffRate", "BackoffRate")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","BooleanEquals":true,"Next":"B"}],"End":true},"B":{"Type":"Succeed"}}}""", "/States/A/End", "not supported")]
    public void Parse_InvalidDefinition_ReportsAwsStyleErrorAtLocation(string definition, string location, string fragment)
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(definition));
        Assert.That(error!.Location, Is.EqualTo(location));
        Assert.That(error.Message, Does.Contain(fragment));
    }

    [Test]
    public void Parse_JsonataPass_CompilesItsFields()
    {
        var graph = DefinitionParser.Parse("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input.x %}","Assign":{"v":1},"End":true}}}""");

        Assert.That(graph.Start.Jsonata?.Output?.IsSingleExpression, Is.True);
    }

    [TestCase("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.x","End":true}}}""", "/States/A/InputPath", "not supported for states with QueryLanguage 'JSONata'")]
    [TestCase("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{},"End":true}}}""", "/States/A/Parameters", "not supported for states with QueryLanguage 'JSONata'")]
    [TestCase("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}""", "/States/A/QueryLanguage", "cannot use QueryLanguage 'JSONPath'")]
    [TestCase("""{"StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% 1 + %}","End":true}}}""", "/States/A/Output", "S0207")]
    [TestCase("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""", "/States/A/QueryLanguage", "not supported yet")]
    public void Parse_InvalidJsonataDefinition_ReportsTheField(string definition, string location, string fragment)
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(definition));
        Assert.That(error!.Location, Is.EqualTo(location));
        Assert.That(error.Message, Does.Contain(fragment));
    }

    [Test]
    public void CreateStateMachine_WithInvalidDefinition_ThrowsInvalidDefinition()
    {
        var engine = new StateMachineEngine(new StateMachineEngineOptions());
        var error = Assert.Throws<InvalidDefinitionException>(() => engine.CreateStateMachine("m", "{}", "arn:aws:iam::123456789012:role/r"));
        Assert.That(error!.ErrorCode, Is.EqualTo(ApiErrorCodes.InvalidDefinition));
    }

    [Test]
    public void Parse_ValidDefinitionWithEveryStateType_IsAccepted()
    {
        var graph = DefinitionParser.Parse("""
            {"StartAt":"P","TimeoutSeconds":60,"States":{
              "P":{"Type":"Pass","Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"W"}],"Default":"F"},
              "W":{"Type":"Wait","SecondsPath":"$.s","Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","TimeoutSeconds":10,"HeartbeatSeconds":5,
                   "Retry":[{"ErrorEquals":["States.Timeout"],"JitterStrategy":"FULL","MaxDelaySeconds":3}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"Next":"Par"},
              "Par":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}],"Next":"M"},
              "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ToleratedFailurePercentage":10,"ItemBatcher":{"MaxItemsPerBatch":2},
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Next":"S"},
              "S":{"Type":"Succeed"},
              "F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"$.c"}}}
            """);
        Assert.That(graph.States, Has.Count.EqualTo(8));
    }
}
