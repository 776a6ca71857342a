using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Tests.Expressions;

/// <summary>
/// Runs the AWS-recorded choice_operators and intrinsic_functions cases (all are Pass/Choice definitions) through
/// the expression layer alone and compares the final status and output (or error and cause) with the recording.
/// </summary>
[TestFixture]
public sealed class ConformanceSubsetTests
{
    public static IEnumerable<TestCaseData> ChoiceOperatorCases() => Cases("choice_operators");

    public static IEnumerable<TestCaseData> IntrinsicFunctionCases() => Cases("intrinsic_functions");

    /// <summary>Cases of the other JSONPath areas whose definitions use only Pass, Choice, Succeed and Fail.</summary>
    public static IEnumerable<TestCaseData> OtherPassChoiceCases()
    {
        var root = ConformanceDirectory.Locate();
        if (root is null)
        {
            yield break;
        }

        foreach (var folder in Directory.GetDirectories(Path.Combine(root, "asl")).Order(StringComparer.Ordinal))
        {
            var area = Path.GetFileName(folder);
            if (area is "jsonata" or "choice_operators" or "intrinsic_functions")
            {
                continue;
            }

            foreach (var file in ConformanceDirectory.AslCases(area))
            {
                var definition = JsonNode.Parse(File.ReadAllText(file))!["definition"]!.AsObject();
                if (PassChoiceRunner.CanRun(definition))
                {
                    yield return new TestCaseData(file).SetName($"{area}/{Path.GetFileNameWithoutExtension(file)}");
                }
            }
        }
    }

    [TestCaseSource(nameof(OtherPassChoiceCases))]
    public void PassChoiceDefinitions_MatchAwsRecording(string file) => RunCase(file);

    [TestCaseSource(nameof(ChoiceOperatorCases))]
    public void ChoiceOperators_MatchAwsRecording(string file) => RunCase(file);

    [TestCaseSource(nameof(IntrinsicFunctionCases))]
    public void IntrinsicFunctions_MatchAwsRecording(string file) => RunCase(file);

    [Test]
    public void ConformanceCases_AreFound()
    {
        Assume.That(ConformanceDirectory.Locate(), Is.Not.Null, "shared/conformance is not beside the repository");
        Assert.That(ConformanceDirectory.AslCases("choice_operators").Count(), Is.GreaterThan(300));
    }

    private static IEnumerable<TestCaseData> Cases(string area)
    {
        foreach (var file in ConformanceDirectory.AslCases(area))
        {
            yield return new TestCaseData(file).SetName($"{area}/{Path.GetFileNameWithoutExtension(file)}");
        }
    }

    private static void RunCase(string file)
    {
        var testCase = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var definition = testCase["definition"]!.AsObject();
        Assume.That(PassChoiceRunner.CanRun(definition), Is.True, "uses states this runner does not implement");

        var outcome = PassChoiceRunner.Run(definition, testCase["input"], testCase["meta"]!.AsObject());
        var expected = testCase["expected"]!.AsObject();
        var normalizedFields = testCase["normalizedFields"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];
        var replacements = testCase["normalize"]?["replacements"]?.AsArray() ?? [];

        Assert.That(outcome.Status, Is.EqualTo(expected["status"]!.GetValue<string>()), $"status (error {outcome.Error}: {outcome.Cause})");
        if (outcome.Status == "SUCCEEDED")
        {
            var actual = Normalize(outcome.Output, replacements);
            var wanted = expected["output"]?.DeepClone();
            foreach (var field in normalizedFields.Where(f => f.StartsWith('$')))
            {
                Remove(ref actual, field);
                Remove(ref wanted, field);
            }

            Assert.That(
                JsonValues.DeepEquals(actual, wanted),
                Is.True,
                $"output\n  actual:   {JsonValues.ToCompactJson(actual)}\n  expected: {JsonValues.ToCompactJson(wanted)}");
        }
        else
        {
            Assert.That(outcome.Error, Is.EqualTo(expected["error"]?.GetValue<string>()), "error");
            if (!normalizedFields.Contains("cause") && expected["cause"] is JsonValue cause)
            {
                Assert.That(outcome.Cause, Is.EqualTo(cause.GetValue<string>()), "cause");
            }
        }
    }

    private static JsonNode? Normalize(JsonNode? node, JsonArray replacements)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Normalize(value, replacements);
                }

                return copy;
            }

            case JsonArray array:
                return new JsonArray([.. array.Select(item => Normalize(item, replacements))]);
            default:
                if (JsonValues.TryGetString(node, out var text))
                {
                    foreach (var replacement in replacements)
                    {
                        text = text.Replace(replacement!["from"]!.GetValue<string>(), replacement["to"]!.GetValue<string>(), StringComparison.Ordinal);
                    }

                    return JsonValue.Create(text);
                }

                return node?.DeepClone();
        }
    }

    /// <summary>Drops a member named by a simple <c>$.a.b</c> path (values the recorder replaced by placeholders).</summary>
    private static void Remove(ref JsonNode? document, string path)
    {
        var names = path.Split('.').Skip(1).ToArray();
        if (names.Length == 0)
        {
            document = null;
            return;
        }

        var parent = document;
        foreach (var name in names[..^1])
        {
            parent = parent is JsonObject obj ? obj[name] : null;
        }

        (parent as JsonObject)?.Remove(names[^1]);
    }
}
