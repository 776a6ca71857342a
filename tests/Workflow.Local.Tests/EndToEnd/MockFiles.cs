using System.Text.Json.Nodes;
using Workflow.Local.Hosting;
using Workflow.Local.Template;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// Step Functions Local mock configuration files (AWS's format) for the application's state machine, written to a
/// temporary file and handed to the runtime with <see cref="LocalRuntimeOptions.MockConfigPath"/>.
/// </summary>
internal static class MockFiles
{
    public const string TestCase = "E2E";

    /// <summary>The state machine's name as the runtime derives it from the template (stack name + logical id).</summary>
    public static string StateMachineName()
    {
        var options = new LocalRuntimeOptions();
        var model = TemplateLoader.Load(new TemplateLoadOptions(AppRuntime.TemplatePath, new Dictionary<string, string>(), options.Region, options.AccountId, options.StackName));
        return model.StateMachines.Single().Name;
    }

    /// <summary>Writes a file in which test case <see cref="TestCase"/> answers <paramref name="state"/> with <paramref name="responses"/>.</summary>
    public static string Write(string state, JsonObject responses)
    {
        var file = new JsonObject
        {
            ["StateMachines"] = new JsonObject
            {
                [StateMachineName()] = new JsonObject
                {
                    ["TestCases"] = new JsonObject { [TestCase] = new JsonObject { [state] = state + "Mock" } },
                },
            },
            ["MockedResponses"] = new JsonObject { [state + "Mock"] = responses },
        };
        var path = Path.Combine(Path.GetTempPath(), $"workflow-e2e-mock-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, file.ToJsonString());
        return path;
    }

    public static JsonObject Throw(string error, string cause) =>
        new() { ["Throw"] = new JsonObject { ["Error"] = error, ["Cause"] = cause } };

    /// <summary>A lambda:invoke result whose Payload is CheckBudget's answer for a request within budget.</summary>
    public static JsonObject BudgetWithin(decimal required) => new()
    {
        ["Return"] = new JsonObject
        {
            ["StatusCode"] = 200,
            ["Payload"] = new JsonObject
            {
                ["costCentre"] = AppRuntime.CostCentre,
                ["currency"] = "EUR",
                ["withinBudget"] = true,
                ["remaining"] = 100_000_000m,
                ["required"] = required,
            },
        },
    };

    public static LocalRuntimeOptions With(LocalRuntimeOptions options, string mockPath) =>
        options with { MockConfigPath = mockPath, MockTestCase = TestCase };
}
