using System.Text.Json.Nodes;

namespace Workflow.Functions.Tests.Template;

public class DefinitionSubstitutionTests
{
    private static JsonObject Substitutions() =>
        SamTemplate.Repository.StateMachine().Properties["DefinitionSubstitutions"] as JsonObject ?? [];

    [Test]
    public void EveryPlaceholder_IsProvidedByDefinitionSubstitutions()
    {
        var placeholders = StateMachineDefinition.Placeholders(StateMachineDefinition.RepositoryText());
        var provided = Substitutions().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);

        Assert.That(placeholders.Except(provided), Is.Empty, "placeholders without a DefinitionSubstitutions entry");
    }

    [Test]
    public void EverySubstitution_IsUsedByTheDefinition()
    {
        var placeholders = StateMachineDefinition.Placeholders(StateMachineDefinition.RepositoryText());
        var provided = Substitutions().Select(pair => pair.Key);

        Assert.That(provided.Except(placeholders), Is.Empty, "DefinitionSubstitutions entries the definition never uses");
    }

    [Test]
    public void EverySubstitution_ReferencesATemplateResourceOrParameter()
    {
        var template = SamTemplate.Repository;
        var parameters = (template.Root["Parameters"] as JsonObject ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        foreach (var (name, value) in Substitutions())
        {
            var target = SamTemplate.ReferencedLogicalId(value);
            Assert.That(target, Is.Not.Null, $"{name} should be a !Ref or !GetAtt");
            Assert.That(template.Resources.ContainsKey(target!) || parameters.Contains(target!), Is.True,
                $"{name} refers to unknown '{target}'");
        }
    }

    [Test]
    public void ApprovalTimeout_IsTurnedIntoANumberWithoutBreakingJson()
    {
        var text = StateMachineDefinition.RepositoryText();
        var uses = text.Split("${ApprovalTimeoutSeconds}").Length - 1;
        var wrapped = text.Split("States.StringToJson('${ApprovalTimeoutSeconds}')").Length - 1;

        var definition = StateMachineDefinition.ParseRepositoryWithSamples();
        var waits = StateMachineDefinition.AllStates(definition)
            .Where(s => ((string?)s.State["Resource"])?.EndsWith(".waitForTaskToken", StringComparison.Ordinal) == true)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(uses, Is.GreaterThan(0), "the approval timeout parameter is not used");
            Assert.That(wrapped, Is.EqualTo(uses), "every use must be States.StringToJson('${ApprovalTimeoutSeconds}')");
            Assert.That(waits, Is.Not.Empty, "no .waitForTaskToken task");
            Assert.That(waits.Select(w => w.State["TimeoutSecondsPath"] ?? w.State["TimeoutSeconds"]), Has.None.Null,
                "every approval wait needs a timeout");
        }
    }
}
