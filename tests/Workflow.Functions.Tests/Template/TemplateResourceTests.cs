using System.Text.Json.Nodes;
using Workflow.Functions.Storage;

namespace Workflow.Functions.Tests.Template;

public class TemplateResourceTests
{
    private static readonly SamTemplate Template = SamTemplate.Repository;

    [Test]
    public void JobsTable_MatchesTheSchemaTheCodeQueries()
    {
        var table = SamTemplate.PropertiesOf(Template.ResourcesOfType("AWS::DynamoDB::Table").Single().Resource);
        var expected = JobTableSchema.CreateTableRequest("jobs");

        var keys = table["KeySchema"]!.AsArray().Select(k => $"{k!["AttributeName"]}:{k["KeyType"]}");
        var indexes = table["GlobalSecondaryIndexes"]!.AsArray().Select(i =>
            $"{i!["IndexName"]}({string.Join(",", i["KeySchema"]!.AsArray().Select(k => $"{k!["AttributeName"]}:{k["KeyType"]}"))})");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys, Is.EqualTo(expected.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}")));
            Assert.That(indexes, Is.EquivalentTo(expected.GlobalSecondaryIndexes.Select(i =>
                $"{i.IndexName}({string.Join(",", i.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"))})")));
            Assert.That((string?)table["BillingMode"], Is.EqualTo("PAY_PER_REQUEST"));
            Assert.That((string?)table["TimeToLiveSpecification"]?["AttributeName"], Is.EqualTo(JobTableSchema.TimeToLiveAttribute));
            Assert.That((bool?)table["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"], Is.True);
        }
    }

    [Test]
    public void JobSubmittedRule_MatchesTheContractPatternAndPassesTheDetail()
    {
        var events = Template.StateMachine().Properties["Events"]!.AsObject();
        var rule = events.Select(e => e.Value!.AsObject()).Single(e => (string?)e["Type"] == "EventBridgeRule")["Properties"]!;
        var expected = JsonNode.Parse("""{"source":["workflow.jobs"],"detail-type":["JobSubmitted"],"detail":{"type":["purchase-request"]}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(rule["Pattern"], expected), Is.True, rule["Pattern"]?.ToJsonString());
            Assert.That((string?)rule["InputPath"], Is.EqualTo("$.detail"));
            Assert.That(SamTemplate.ReferencedLogicalId(rule["EventBusName"]),
                Is.EqualTo(Template.ResourcesOfType("AWS::Events::EventBus").Single().LogicalId));
            Assert.That(SamTemplate.ReferencedLogicalId(rule["DeadLetterConfig"]?["Arn"]), Is.EqualTo("JobSubmittedDeadLetterQueue"));
            Assert.That(rule["RetryPolicy"], Is.Not.Null);
        }
    }

    [Test]
    public void HttpRoutes_AreTheContractRoutesBehindTheJwtAuthorizer()
    {
        var routes = Template.ResourcesOfType(SamTemplate.FunctionType)
            .SelectMany(f => (SamTemplate.PropertiesOf(f.Resource)["Events"] as JsonObject ?? [])
                .Select(e => e.Value!.AsObject())
                .Where(e => (string?)e["Type"] == "HttpApi")
                .Select(e => $"{f.LogicalId} {e["Properties"]!["Method"]} {e["Properties"]!["Path"]}"));
        var api = SamTemplate.PropertiesOf(Template.ResourcesOfType("AWS::Serverless::HttpApi").Single().Resource);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(routes, Is.EquivalentTo(new[]
            {
                "SubmitJobFunction POST /jobs",
                "GetJobFunction GET /jobs/{id}",
                "ListJobsFunction GET /jobs",
                "CancelJobFunction POST /jobs/{id}/cancel",
                "ListApprovalsFunction GET /approvals",
                "DecideApprovalFunction POST /jobs/{id}/approval",
                "ConsoleFunction GET /",
                "ConsoleFunction GET /console",
                "ConsoleFunction GET /console/{proxy+}",
            }));
            Assert.That((string?)api["Auth"]?["DefaultAuthorizer"], Is.EqualTo("JwtAuthorizer"));
            Assert.That((string?)api["Auth"]?["Authorizers"]?["JwtAuthorizer"]?["IdentitySource"], Is.EqualTo("$request.header.Authorization"));
        }
    }

    [Test]
    public void RepublishAccepted_RunsEveryFiveMinutes()
    {
        var events = SamTemplate.PropertiesOf(Template.Resource("RepublishAcceptedFunction"))["Events"]!.AsObject();

        Assert.That(events.Select(e => (string?)e.Value!["Properties"]?["Schedule"]), Does.Contain("rate(5 minutes)"));
    }

    [Test]
    public void FunctionsInvokedByTheStateMachine_DoNotReferenceIt()
    {
        var (machineId, properties) = Template.StateMachine();
        var invoked = (properties["Policies"] as JsonArray ?? [])
            .Select(p => SamTemplate.ReferencedLogicalId(p?["LambdaInvokePolicy"]?["FunctionName"]))
            .OfType<string>()
            .ToList();
        Assert.That(invoked, Is.Not.Empty);

        foreach (var function in invoked)
        {
            var text = Template.Resource(function).ToJsonString();
            Assert.That(text, Does.Not.Contain($"\"{machineId}\"").And.Not.Contain($"{{{machineId}."),
                $"{function} references {machineId}, which references {function}: a circular dependency");
        }
    }
}
