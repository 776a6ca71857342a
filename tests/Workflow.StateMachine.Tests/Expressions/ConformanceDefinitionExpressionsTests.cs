using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

/// <summary>
/// Every definition AWS accepted in the recorded JSONPath cases must compile with the expression layer: all paths,
/// payload templates, intrinsic calls and Choice rules, in nested Parallel branches and Map processors too.
/// </summary>
[TestFixture]
public sealed class ConformanceDefinitionExpressionsTests
{
    private static readonly string[] PathFields = ["InputPath", "OutputPath", "ItemsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath"];

    private static readonly string[] TemplateFields = ["Parameters", "ResultSelector", "ItemSelector", "Assign"];

    public static IEnumerable<TestCaseData> AcceptedDefinitions()
    {
        var root = ConformanceDirectory.Locate();
        if (root is null)
        {
            yield break;
        }

        foreach (var folder in Directory.GetDirectories(Path.Combine(root, "asl")).Order(StringComparer.Ordinal))
        {
            var area = Path.GetFileName(folder);
            if (area == "jsonata")
            {
                continue;
            }

            foreach (var file in ConformanceDirectory.AslCases(area))
            {
                yield return new TestCaseData(file).SetName($"{area}/{Path.GetFileNameWithoutExtension(file)}");
            }
        }
    }

    [TestCaseSource(nameof(AcceptedDefinitions))]
    public void AcceptedDefinition_ExpressionsCompile(string file)
    {
        var definition = JsonNode.Parse(File.ReadAllText(file))!["definition"]!.AsObject();
        Assume.That(definition["QueryLanguage"], Is.Null, "JSONata definitions are out of scope");

        var compiled = CompileStates(definition, "");

        Assert.That(compiled, Is.GreaterThan(0));
    }

    private static int CompileStates(JsonObject machine, string location)
    {
        var count = 0;
        foreach (var (name, node) in machine["States"]!.AsObject())
        {
            var state = node!.AsObject();
            if (state["QueryLanguage"] is not null)
            {
                continue;
            }

            var stateLocation = $"{location}/States/{name}";
            count++;
            foreach (var field in PathFields)
            {
                if (state[field] is JsonValue value && value.GetValue<string>() is var text)
                {
                    if (IntrinsicFunctions.IsIntrinsic(text))
                    {
                        IntrinsicFunctions.Parse(text, field);
                    }
                    else
                    {
                        JsonPathExpression.Parse(text);
                    }
                }
            }

            if (state["ResultPath"] is JsonValue resultPath)
            {
                Assert.That(ResultPathApplier.IsValidResultPath(resultPath.GetValue<string>(), out var problem), Is.True, problem);
            }

            foreach (var field in TemplateFields)
            {
                if (state.TryGetPropertyValue(field, out var template))
                {
                    PayloadTemplate.Parse(template, field);
                }
            }

            if (state["Choices"] is JsonArray choices)
            {
                for (var i = 0; i < choices.Count; i++)
                {
                    var rule = choices[i]!.AsObject();
                    if (rule["Condition"] is null)
                    {
                        ChoiceRule.Parse(rule, $"{stateLocation}/Choices/{i}", topLevel: true);
                    }
                }
            }

            foreach (var catcher in state["Catch"]?.AsArray() ?? [])
            {
                if (catcher!["ResultPath"] is JsonValue catchPath)
                {
                    Assert.That(ResultPathApplier.IsValidResultPath(catchPath.GetValue<string>(), out var problem), Is.True, problem);
                }

                if (catcher.AsObject().TryGetPropertyValue("Assign", out var assign))
                {
                    PayloadTemplate.Parse(assign, "Assign");
                }
            }

            foreach (var branch in state["Branches"]?.AsArray() ?? [])
            {
                count += CompileStates(branch!.AsObject(), stateLocation);
            }

            if ((state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor)
            {
                count += CompileStates(processor, stateLocation);
            }
        }

        return count;
    }
}
