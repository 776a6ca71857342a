using Workflow.Local.Template;
using Workflow.Testing;

namespace Workflow.Local.Tests.Template;

/// <summary>
/// Required template parameters (Stage has no default) come from samconfig.toml's local parameter list, so the local
/// runtime still starts with no arguments; command-line overrides replace single values of that list.
/// </summary>
public sealed class SamConfigParametersTests
{
    private const string Template = """
        Parameters:
          Stage: { Type: String, AllowedValues: [dev, prod] }
          Threshold: { Type: Number, Default: 1000 }
        Resources:
          Bus: { Type: AWS::Events::EventBus, Properties: { Name: !Sub "bus-${Stage}-${Threshold}" } }
        """;

    private const string SamConfig = """
        version = 0.1

        [default.deploy.parameters]
        stack_name = "from-deploy"
        parameter_overrides = "Stage=\"prod\""

        [default.local_start_api.parameters]
        parameter_overrides = "Stage=\"dev\" Threshold=\"250\""
        """;

    [Test]
    public void RepositoryTemplate_LoadsWithNoArguments_WithTheStageOfSamconfigsLocalParameters()
    {
        var model = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"), new Dictionary<string, string>()));

        Assert.That(model.Parameters["Stage"], Is.EqualTo("dev"));
    }

    [Test]
    public void RequiredParameter_IsTakenFromTheLocalTable_NotFromADeployEnvironment()
    {
        using var files = new TemplateFiles().With("samconfig.toml", SamConfig);

        var model = files.Load(Template);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Parameters["Stage"], Is.EqualTo("dev"));
            Assert.That(model.Parameters["Threshold"], Is.EqualTo("250"));
        }
    }

    [Test]
    public void CommandLineOverride_ReplacesOneValue_AndKeepsTheOthersFromSamconfig()
    {
        using var files = new TemplateFiles().With("samconfig.toml", SamConfig);

        var model = files.Load(Template, new Dictionary<string, string> { ["Threshold"] = "5" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Parameters["Stage"], Is.EqualTo("dev"));
            Assert.That(model.Parameters["Threshold"], Is.EqualTo("5"));
        }
    }

    [Test]
    public void RequiredParameter_WithoutSamconfig_FailsNamingBothWaysToGiveIt()
    {
        using var files = new TemplateFiles();

        var error = Assert.Throws<TemplateException>(() => files.Load(Template))!;

        Assert.That(error.Message, Does.Contain("parameter 'Stage' has no Default")
            .And.Contain("--parameter-overrides Stage=<value>")
            .And.Contain("[default.local_start_api.parameters]"));
    }

    [Test]
    public void UnknownParameterInSamconfig_IsRefused()
    {
        using var files = new TemplateFiles().With("samconfig.toml", """
            [default.local_start_api.parameters]
            parameter_overrides = "Stage=dev Stgae=prod"
            """);

        var error = Assert.Throws<TemplateException>(() => files.Load(Template))!;

        Assert.That(error.Message, Does.Contain("unknown parameter 'Stgae'"));
    }

    [Test]
    public void ParameterOverrides_QuotedValuesKeepSpacesEqualsSignsAndEscapedQuotes()
    {
        var values = SamConfigFile.ParseParameterOverrides("""A="two words" B=https://x.test/a=b C="say \"hi\"" D=""", "samconfig.toml");

        Assert.That(values, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["A"] = "two words", ["B"] = "https://x.test/a=b", ["C"] = "say \"hi\"", ["D"] = "",
        }));
    }

    [Test]
    public void ParameterOverrides_AnUnclosedQuote_IsAnError()
    {
        Assert.Throws<TemplateException>(() => SamConfigFile.ParseParameterOverrides("A=\"open", "samconfig.toml"));
    }

    [Test]
    public void StackName_IsTheDefaultEnvironments()
    {
        var config = SamConfigFile.Parse("samconfig.toml", """
            [prod.deploy.parameters]
            stack_name = "p"
            [default.global.parameters]
            stack_name = 'd'
            """);

        Assert.That(config.DefaultStackName(), Is.EqualTo("d"));
    }
}
