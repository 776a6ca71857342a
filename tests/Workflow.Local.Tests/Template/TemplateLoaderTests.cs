using System.Text.Json.Nodes;
using Workflow.Local.Template;

namespace Workflow.Local.Tests.Template;

public sealed class TemplateLoaderTests
{
    private const string App = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: { Type: String, Default: dev, AllowedValues: [dev, prod] }
          Threshold: { Type: Number, Default: 1000 }
          Issuer: { Type: String, Default: https://issuer.test }
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Globals:
          Function:
            Runtime: dotnet10
            Timeout: 10
            CodeUri: src/
            Environment:
              Variables:
                SHARED: from-globals
                STAGE: !Ref Stage
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:
              Auth:
                DefaultAuthorizer: Jwt
                Authorizers:
                  Jwt:
                    IdentitySource: $request.header.Authorization
                    JwtConfiguration: { issuer: !Ref Issuer, audience: [client-a] }
          SubmitFunction:
            Type: AWS::Serverless::Function
            Metadata: { BuildMethod: makefile }
            Properties:
              Handler: App::App.Submit::Handle
              Timeout: 30
              Environment:
                Variables:
                  OWN: own
                  TABLE: !Ref Jobs
              Events:
                Post:
                  Type: HttpApi
                  Properties: { ApiId: !Ref Api, Method: post, Path: "/jobs" }
                Open:
                  Type: HttpApi
                  Properties: { ApiId: !Ref Api, Method: GET, Path: "/health", Auth: { Authorizer: NONE } }
                Sweep:
                  Type: Schedule
                  Properties: { Schedule: rate(5 minutes), Input: '{"sweep":true}' }
          ProdOnlyFunction:
            Type: AWS::Serverless::Function
            Condition: IsProd
            Properties: { Handler: App::App.Prod::Handle }
          Bus:
            Type: AWS::Events::EventBus
            Properties: { Name: jobs-bus }
          BusArchive:
            Type: AWS::Events::Archive
            Properties: { SourceArn: !GetAtt Bus.Arn, RetentionDays: 7 }
          Machine:
            Type: AWS::Serverless::StateMachine
            Properties:
              Name: !Sub "${AWS::StackName}-machine"
              DefinitionUri: statemachine/machine.asl.json
              DefinitionSubstitutions:
                SubmitArn: !GetAtt SubmitFunction.Arn
                Threshold: !Ref Threshold
                TableName: !Ref Jobs
              Events:
                Submitted:
                  Type: EventBridgeRule
                  Properties:
                    EventBusName: !Ref Bus
                    Pattern: { source: [app.jobs], detail-type: [JobSubmitted] }
                    InputPath: $.detail
                    RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 }
                    DeadLetterConfig: { Type: SQS }
          Jobs:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions:
                - { AttributeName: pk, AttributeType: S }
                - { AttributeName: sk, AttributeType: S }
                - { AttributeName: g1, AttributeType: S }
              KeySchema:
                - { AttributeName: pk, KeyType: HASH }
                - { AttributeName: sk, KeyType: RANGE }
              GlobalSecondaryIndexes:
                - IndexName: gsi1
                  KeySchema: [{ AttributeName: g1, KeyType: HASH }, { AttributeName: sk, KeyType: RANGE }]
                  Projection: { ProjectionType: INCLUDE, NonKeyAttributes: [status] }
              TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }
          Dlq:
            Type: AWS::SQS::Queue
        """;

    private const string Definition = """
        {"StartAt":"Submit","States":{"Submit":{"Type":"Task","Resource":"${SubmitArn}","Parameters":{"limit":${Threshold},"table":"${TableName}"},"End":true}}}
        """;

    private static ApplicationModel Load(IReadOnlyDictionary<string, string>? overrides = null)
    {
        using var files = new TemplateFiles();
        files.With("statemachine/machine.asl.json", Definition);
        return files.Load(App, overrides);
    }

    [Test]
    public void Globals_AreMergedIntoEachFunction_ResourceValuesWin()
    {
        var submit = Load().Functions.Single(f => f.LogicalId == "SubmitFunction");

        Assert.Multiple(() =>
        {
            Assert.That(submit.Runtime, Is.EqualTo("dotnet10"));
            Assert.That(submit.TimeoutSeconds, Is.EqualTo(30));
            Assert.That(submit.Environment["SHARED"], Is.EqualTo("from-globals"));
            Assert.That(submit.Environment["OWN"], Is.EqualTo("own"));
            Assert.That(submit.Environment["STAGE"], Is.EqualTo("dev"));
            Assert.That(submit.Environment["TABLE"], Is.EqualTo("demo-Jobs"));
            Assert.That(submit.BuildMethod, Is.EqualTo("makefile"));
            Assert.That(submit.FunctionName, Is.EqualTo("demo-SubmitFunction"));
            Assert.That(submit.Arn, Is.EqualTo("arn:aws:lambda:us-east-1:123456789012:function:demo-SubmitFunction"));
            Assert.That(Path.IsPathFullyQualified(submit.CodeUri), Is.True);
        });
    }

    [Test]
    public void ParameterOverrides_ReplaceDefaults_AndConditionsFollow()
    {
        var model = Load(new Dictionary<string, string> { ["Stage"] = "prod" });

        Assert.Multiple(() =>
        {
            Assert.That(model.Parameters["Stage"], Is.EqualTo("prod"));
            Assert.That(model.Functions.Select(f => f.LogicalId), Does.Contain("ProdOnlyFunction"));
            Assert.That(model.Functions.Single(f => f.LogicalId == "SubmitFunction").Environment["STAGE"], Is.EqualTo("prod"));
        });
    }

    [Test]
    public void FalseCondition_LeavesTheResourceOut()
    {
        Assert.That(Load().Functions.Select(f => f.LogicalId), Is.EquivalentTo(new[] { "SubmitFunction" }));
    }

    [Test]
    public void StateMachine_DefinitionUri_GetsItsSubstitutions()
    {
        var machine = Load().StateMachines.Single();
        var definition = JsonNode.Parse(machine.DefinitionJson)!;

        Assert.Multiple(() =>
        {
            Assert.That(machine.Name, Is.EqualTo("demo-machine"));
            Assert.That(machine.Arn, Is.EqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:demo-machine"));
            Assert.That(machine.Type, Is.EqualTo("STANDARD"));
            Assert.That(definition["States"]!["Submit"]!["Resource"]!.GetValue<string>(), Is.EqualTo("arn:aws:lambda:us-east-1:123456789012:function:demo-SubmitFunction"));
            Assert.That(definition["States"]!["Submit"]!["Parameters"]!["limit"]!.GetValue<int>(), Is.EqualTo(1000));
            Assert.That(definition["States"]!["Submit"]!["Parameters"]!["table"]!.GetValue<string>(), Is.EqualTo("demo-Jobs"));
        });
    }

    [Test]
    public void EventBridgeRuleEvent_BecomesARuleOnTheBus_WithRetryAndGeneratedDeadLetterQueue()
    {
        var model = Load();
        var rule = model.Rules.Single(r => r.Origin == EventRuleOrigin.SamEventBridgeRule);
        var target = rule.Targets.Single();

        Assert.Multiple(() =>
        {
            Assert.That(rule.LogicalId, Is.EqualTo("MachineSubmitted"));
            Assert.That(rule.EventBusName, Is.EqualTo("jobs-bus"));
            Assert.That(JsonNode.Parse(rule.EventPatternJson!)!["detail-type"]![0]!.GetValue<string>(), Is.EqualTo("JobSubmitted"));
            Assert.That(target.Kind, Is.EqualTo(EventTargetKind.StateMachine));
            Assert.That(target.Arn, Is.EqualTo(model.StateMachines.Single().Arn));
            Assert.That(target.InputPath, Is.EqualTo("$.detail"));
            Assert.That(target.RetryPolicy, Is.EqualTo(new RetryPolicyModel(3, 600)));
            Assert.That(target.DeadLetterConfig!.QueueLogicalId, Is.EqualTo("MachineSubmittedQueue"));
            Assert.That(model.Queues.Select(q => q.LogicalId), Is.EquivalentTo(new[] { "Dlq", "MachineSubmittedQueue" }));
            Assert.That(model.StateMachines.Single().Events, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void ScheduleEvent_BecomesAScheduledRuleTargetingTheFunction()
    {
        var model = Load();
        var rule = model.Rules.Single(r => r.Origin == EventRuleOrigin.SamSchedule);

        Assert.Multiple(() =>
        {
            Assert.That(rule.ScheduleExpression, Is.EqualTo("rate(5 minutes)"));
            Assert.That(rule.EventBusName, Is.EqualTo("default"));
            Assert.That(rule.State, Is.EqualTo("ENABLED"));
            Assert.That(rule.Targets.Single().Kind, Is.EqualTo(EventTargetKind.Function));
            Assert.That(rule.Targets.Single().Input, Is.EqualTo("{\"sweep\":true}"));
        });
    }

    [Test]
    public void Buses_IncludeTheDefaultBusAndTheArchive()
    {
        var buses = Load().EventBuses;

        Assert.Multiple(() =>
        {
            Assert.That(buses.Select(b => b.Name), Is.EqualTo(new[] { "default", "jobs-bus" }));
            Assert.That(buses[1].Archive?.RetentionDays, Is.EqualTo(7));
            Assert.That(buses[0].Archive, Is.Null);
        });
    }

    [Test]
    public void Table_HasKeysIndexesBillingAndTtl()
    {
        var table = Load().Tables.Single();

        Assert.Multiple(() =>
        {
            Assert.That(table.TableName, Is.EqualTo("demo-Jobs"));
            Assert.That(table.KeySchema, Is.EqualTo(new[] { new KeySchemaElementModel("pk", "HASH"), new KeySchemaElementModel("sk", "RANGE") }));
            Assert.That(table.AttributeDefinitions, Has.Count.EqualTo(3));
            Assert.That(table.GlobalSecondaryIndexes.Single().ProjectionType, Is.EqualTo("INCLUDE"));
            Assert.That(table.GlobalSecondaryIndexes.Single().NonKeyAttributes, Is.EqualTo(new[] { "status" }));
            Assert.That(table.BillingMode, Is.EqualTo("PAY_PER_REQUEST"));
            Assert.That(table.TimeToLiveAttribute, Is.EqualTo("expiresAt"));
        });
    }

    [Test]
    public void HttpApi_RoutesUseTheDefaultAuthorizerUnlessNone()
    {
        var api = Load().HttpApi!;

        Assert.Multiple(() =>
        {
            Assert.That(api.Routes.Select(r => r.RouteKey), Is.EquivalentTo(new[] { "POST /jobs", "GET /health" }));
            Assert.That(api.Routes.Single(r => r.Path == "/jobs").AuthorizerName, Is.EqualTo("Jwt"));
            Assert.That(api.Routes.Single(r => r.Path == "/health").AuthorizerName, Is.Null);
            Assert.That(api.Authorizers["Jwt"].Issuer, Is.EqualTo("https://issuer.test"));
            Assert.That(api.Authorizers["Jwt"].Audience, Is.EqualTo(new[] { "client-a" }));
        });
    }
}
