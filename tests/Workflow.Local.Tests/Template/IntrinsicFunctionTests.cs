using Workflow.Local.Template;

namespace Workflow.Local.Tests.Template;

public sealed class IntrinsicFunctionTests
{
    private static FunctionModel LoadFunction(string variables, string extraSections = "")
    {
        using var files = new TemplateFiles();
        var model = files.Load($$"""
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: { Type: String, Default: dev }
              Names: { Type: CommaDelimitedList, Default: "a,b,c" }
            {{extraSections}}
            Resources:
              Bus:
                Type: AWS::Events::EventBus
                Properties: { Name: !Sub "${AWS::StackName}-bus" }
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: A::B::C
                  Environment:
                    Variables:
            {{variables}}
            """);
        return model.Functions.Single();
    }

    [Test]
    public void Sub_ResolvesParametersPseudoParametersAndAttributes()
    {
        var function = LoadFunction("""
                      A: !Sub "${Stage}-${AWS::Region}-${AWS::AccountId}-${AWS::Partition}-${AWS::URLSuffix}"
                      B: !Sub "${Bus.Arn}|${Machine.Name}|${!Literal}"
                      C: !Sub ["${X}-${Stage}", { X: !Ref Bus }]
                      D: { "Fn::Sub": "${Machine}" }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(function.Environment["A"], Is.EqualTo("dev-us-east-1-123456789012-aws-amazonaws.com"));
            Assert.That(function.Environment["B"], Is.EqualTo("arn:aws:events:us-east-1:123456789012:event-bus/demo-bus|demo-Machine|${Literal}"));
            Assert.That(function.Environment["C"], Is.EqualTo("demo-bus-dev"));
            Assert.That(function.Environment["D"], Is.EqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:demo-Machine"));
        });
    }

    [Test]
    public void GetAtt_DotAndListForms_GiveTheSameValue()
    {
        var function = LoadFunction("""
                      DOT: !GetAtt Machine.Arn
                      LIST: !GetAtt [Machine, Arn]
                      LONG: { "Fn::GetAtt": [Bus, Name] }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(function.Environment["DOT"], Is.EqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:demo-Machine"));
            Assert.That(function.Environment["LIST"], Is.EqualTo(function.Environment["DOT"]));
            Assert.That(function.Environment["LONG"], Is.EqualTo("demo-bus"));
        });
    }

    [Test]
    public void ListFunctions_JoinSelectSplit_Compose()
    {
        var function = LoadFunction("""
                      JOIN: !Join ["+", !Ref Names]
                      SELECT: !Select [1, !Split [",", "x,y,z"]]
                      LONG: { "Fn::Join": ["", ["p", { "Fn::Select": ["0", { "Ref": "Names" }] }]] }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(function.Environment["JOIN"], Is.EqualTo("a+b+c"));
            Assert.That(function.Environment["SELECT"], Is.EqualTo("y"));
            Assert.That(function.Environment["LONG"], Is.EqualTo("pa"));
        });
    }

    [Test]
    public void Conditions_IfEqualsNotAndOr_AndFindInMap()
    {
        var function = LoadFunction("""
                      IF: !If [IsDev, dev-value, other-value]
                      NOT: !If [IsNotDev, yes, no]
                      BOTH: !If [DevAndEast, yes, no]
                      EITHER: !If [DevOrProd, yes, no]
                      MAP: !FindInMap [Sizes, !Ref Stage, Memory]
                      GONE: !If [IsNotDev, present, !Ref AWS::NoValue]
            """, """
            Conditions:
              IsDev: !Equals [!Ref Stage, dev]
              IsNotDev: !Not [Condition: IsDev]
              DevAndEast: !And [Condition: IsDev, !Equals [!Ref "AWS::Region", us-east-1]]
              DevOrProd: { "Fn::Or": [{ Condition: IsNotDev }, { Condition: IsDev }] }
            Mappings:
              Sizes:
                dev: { Memory: "256" }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(function.Environment["IF"], Is.EqualTo("dev-value"));
            Assert.That(function.Environment["NOT"], Is.EqualTo("no"));
            Assert.That(function.Environment["BOTH"], Is.EqualTo("yes"));
            Assert.That(function.Environment["EITHER"], Is.EqualTo("yes"));
            Assert.That(function.Environment["MAP"], Is.EqualTo("256"));
            Assert.That(function.Environment.ContainsKey("GONE"), Is.False);
        });
    }
}
