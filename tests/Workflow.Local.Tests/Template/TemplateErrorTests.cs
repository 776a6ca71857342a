using Workflow.Local.Template;

namespace Workflow.Local.Tests.Template;

public sealed class TemplateErrorTests
{
    private static TemplateException LoadFails(string template, IReadOnlyDictionary<string, string>? overrides = null)
    {
        using var files = new TemplateFiles();
        return Assert.Throws<TemplateException>(() => files.Load(template, overrides))!;
    }

    [Test]
    public void UnresolvableReference_IsReportedWithItsLine()
    {
        var error = LoadFails("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: A::B::C
                  Environment:
                    Variables:
                      TABLE: !Ref MissingTable
            """);

        Assert.That(error.Message, Does.StartWith("template.yaml:9: unresolvable reference 'MissingTable'"));
    }

    [Test]
    public void UnknownTag_IsReportedWithItsLine()
    {
        var error = LoadFails("""
            Resources:
              Bus:
                Type: AWS::Events::EventBus
                Properties:
                  Name: !Reff Something
            """);

        Assert.That(error.Message, Does.StartWith("template.yaml:5: unknown tag !Reff"));
    }

    [Test]
    public void ImportValue_IsRefusedClearly()
    {
        var error = LoadFails("""
            Resources:
              Bus:
                Type: AWS::Events::EventBus
                Properties:
                  Name: !ImportValue shared-bus
            """);

        Assert.That(error.Message, Does.Contain("Fn::ImportValue cannot be resolved locally"));
    }

    [Test]
    public void UnknownParameterOverride_IsRefused()
    {
        var error = LoadFails("""
            Parameters:
              Stage: { Type: String, Default: dev }
            Resources:
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: b } }
            """, new Dictionary<string, string> { ["Stgae"] = "prod" });

        Assert.That(error.Message, Does.Contain("unknown parameter 'Stgae'").And.Contain("Stage"));
    }

    [Test]
    public void ParameterWithoutDefaultOrValue_NamesTheParameterAndItsLine()
    {
        var error = LoadFails("""
            Parameters:
              Issuer:
                Type: String
            Resources:
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: !Ref Issuer } }
            """);

        Assert.That(error.Message, Does.StartWith("template.yaml:2: parameter 'Issuer' has no Default"));
    }

    [Test]
    public void ValueOutsideAllowedValues_IsRefused()
    {
        var error = LoadFails("""
            Parameters:
              Stage: { Type: String, Default: dev, AllowedValues: [dev, prod] }
            Resources:
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: b } }
            """, new Dictionary<string, string> { ["Stage"] = "qa" });

        Assert.That(error.Message, Does.Contain("AllowedValues"));
    }

    [Test]
    public void MissingDefinitionFile_IsReportedAtTheDefinitionUriLine()
    {
        var error = LoadFails("""
            Resources:
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: missing.asl.json
            """);

        Assert.That(error.Message, Does.StartWith("template.yaml:5: state machine 'Machine': definition file not found"));
    }

    [Test]
    public void InvalidYaml_IsReportedWithItsLine()
    {
        var error = LoadFails("""
            Resources:
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: "/x/{id}, y } }
            """);

        Assert.That(error.Line, Is.EqualTo(2));
    }
}
