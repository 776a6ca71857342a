using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Tests.Template;

/// <summary>The operations dashboard and saved queries show what the functions and AWS actually emit.</summary>
public partial class OperationsTemplateTests
{
    private static readonly SamTemplate Template = SamTemplate.Repository;

    /// <summary>The dashboard body with ${...} substitutions replaced by a placeholder, parsed.</summary>
    private static JsonObject DashboardBody()
    {
        var dashboard = Template.ResourcesOfType("AWS::CloudWatch::Dashboard").Single().Resource;
        var body = (string)SamTemplate.PropertiesOf(dashboard)["DashboardBody"]!["Fn::Sub"]!;
        return JsonNode.Parse(Substitution().Replace(body, "SUBSTITUTED"))!.AsObject();
    }

    private static List<JsonArray> DashboardMetrics() =>
        DashboardBody()["widgets"]!.AsArray()
            .SelectMany(w => w!["properties"]!["metrics"]!.AsArray())
            .Select(m => m!.AsArray())
            .ToList();

    [Test]
    public void Dashboard_ShowsEveryBusinessMetricTheFunctionsEmit_WithTheirDimensions()
    {
        var business = DashboardMetrics().Where(m => (string?)m[0] == BusinessMetrics.Namespace).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(business.Select(m => (string?)m[1]).Distinct(), Is.EquivalentTo(BusinessMetrics.Units.Keys));
            foreach (var metric in business)
            {
                Assert.That(metric.Skip(2).Take(4).Select(v => (string?)v), Is.EqualTo(new[] { "Service", "workflow", "Stage", "SUBSTITUTED" }),
                    $"{metric[1]}: CloudWatch matches the exact dimension set the EMF lines declare");
            }
        }
    }

    [Test]
    public void Dashboard_ShowsApiDeadLetterAndStateMachineHealth()
    {
        var shown = DashboardMetrics().Select(m => $"{m[0]} {m[1]}").ToHashSet(StringComparer.Ordinal);

        Assert.That(shown, Is.SupersetOf(new[]
        {
            "AWS/ApiGateway 4xx", "AWS/ApiGateway 5xx", "AWS/ApiGateway Latency",
            "AWS/SQS ApproximateNumberOfMessagesVisible",
            "AWS/States ExecutionsFailed", "AWS/States ExecutionThrottled",
            "AWS/Lambda Errors", "AWS/Lambda Throttles",
        }));
    }

    [Test]
    public void SavedQueries_CoverAJobsTimelineFailedStepsAndSlowApprovals_OnTheFunctionLogs()
    {
        var queries = Template.ResourcesOfType("AWS::Logs::QueryDefinition")
            .Select(q => SamTemplate.PropertiesOf(q.Resource))
            .ToList();
        var text = queries.Select(q => (string)q["QueryString"]!).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(queries, Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(queries.SelectMany(q => q["LogGroupNames"]!.AsArray()).Select(SamTemplate.ReferencedLogicalId), Is.All.EqualTo("FunctionLogGroup"));
            Assert.That(text, Has.Some.Contains("jobId ="));
            Assert.That(text, Has.Some.Contains("step failed"));
            Assert.That(text, Has.Some.Contains(BusinessMetrics.ApprovalWaitTime));
        }
    }

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex Substitution();
}
