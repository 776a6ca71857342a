using Workflow.Local.Template;
using Workflow.Testing;

namespace Workflow.Local.Tests.Template;

/// <summary>The application's own template.yaml loads into the model the local runtime runs.</summary>
public sealed class RepositoryTemplateTests
{
    [Test]
    public void ApplicationTemplate_LoadsEveryFunctionRouteMachineRuleAndTable()
    {
        var model = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"), new Dictionary<string, string>()));

        Assert.Multiple(() =>
        {
            Assert.That(model.Functions, Has.Count.EqualTo(15));
            Assert.That(model.Functions.All(f => f.Handler.StartsWith("Workflow.Functions::", StringComparison.Ordinal)), Is.True);
            Assert.That(model.HttpApi!.Routes.Select(r => r.RouteKey), Is.SupersetOf(new[] { "POST /jobs", "GET /jobs/{id}", "GET /jobs", "POST /jobs/{id}/cancel", "GET /approvals", "POST /jobs/{id}/approval" }));
            Assert.That(model.HttpApi.Routes.Where(r => r.AuthorizerName is null).Select(r => r.RouteKey),
                Is.EquivalentTo(new[] { "GET /", "GET /console", "GET /console/{proxy+}" }), "only the console's static files are open");
            Assert.That(model.StateMachines, Has.Count.EqualTo(1));
            Assert.That(model.StateMachines[0].DefinitionJson, Does.Not.Contain("${"));
            Assert.That(model.Rules.Any(r => r.Targets.Any(t => t.Kind == EventTargetKind.StateMachine && t.InputPath == "$.detail")), Is.True);
            Assert.That(model.Rules.Any(r => r.ScheduleExpression == "rate(5 minutes)"), Is.True);
            Assert.That(model.Tables.Single().GlobalSecondaryIndexes, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void AlarmTopic_IsDeliveredLocally_ToTheAlarmEmailWhenOneIsGiven()
    {
        var withoutEmail = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"), new Dictionary<string, string>()));
        var withEmail = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"),
            new Dictionary<string, string> { ["AlarmEmail"] = "ops@example.com" }));

        Assert.Multiple(() =>
        {
            Assert.That(withoutEmail.Topics.Single(t => t.LogicalId == "AlarmTopic").Subscriptions, Is.Empty);
            Assert.That(withEmail.Topics.Single(t => t.LogicalId == "AlarmTopic").Subscriptions.Select(s => (s.Protocol, s.Endpoint)),
                Is.EqualTo(new[] { ("email", "ops@example.com") }));
        });
    }

    [Test]
    public void UserPool_ResolvesToTheRuntimesIssuer_AndTheConsoleClient()
    {
        var issuer = new Uri("http://127.0.0.1:3999/_local/oidc");

        var model = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"), new Dictionary<string, string>(), LocalIssuer: issuer));
        var authorizer = model.HttpApi!.Authorizers[model.HttpApi.DefaultAuthorizer!];

        Assert.Multiple(() =>
        {
            Assert.That(authorizer.Issuer, Is.EqualTo("http://127.0.0.1:3999/_local/oidc"));
            Assert.That(authorizer.Audience.Single(), Does.Match("^[a-z0-9]{26}$"), "a Cognito-like app client id");
            Assert.That(model.UserPoolGroups, Is.EqualTo(new[] { "approvers" }));
        });
    }

    [Test]
    public void ExternalIssuer_ReplacesTheUserPool()
    {
        var model = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"), new Dictionary<string, string>
        {
            ["JwtIssuer"] = "https://login.example.com/",
            ["JwtAudience"] = "console-app",
        }, LocalIssuer: new Uri("http://127.0.0.1:3999/_local/oidc")));
        var authorizer = model.HttpApi!.Authorizers[model.HttpApi.DefaultAuthorizer!];

        Assert.Multiple(() =>
        {
            Assert.That(authorizer.Issuer, Is.EqualTo("https://login.example.com/"));
            Assert.That(authorizer.Audience, Is.EqualTo(new[] { "console-app" }));
            Assert.That(model.UserPoolGroups, Is.Empty);
        });
    }

    [Test]
    public void NotificationSubscriptions_FollowTheCommaSeparatedParameters()
    {
        var model = TemplateLoader.Load(new TemplateLoadOptions(RepoPaths.InRepo("template.yaml"), new Dictionary<string, string>
        {
            ["ApproverEmails"] = "ann@example.com,ben@example.com",
            ["RequesterEmails"] = "rita@example.com",
        }));

        var approvers = model.Topics.Single(t => t.LogicalId == "ApprovalNotificationTopic").Subscriptions;
        var requesters = model.Topics.Single(t => t.LogicalId == "RequesterNotificationTopic").Subscriptions;
        Assert.Multiple(() =>
        {
            Assert.That(approvers.Select(s => s.Endpoint), Is.EqualTo(new[] { "ann@example.com", "ben@example.com" }));
            Assert.That(requesters.Single().Endpoint, Is.EqualTo("rita@example.com"));
            Assert.That(requesters.Single().FilterPolicyScope, Is.EqualTo(FilterPolicyScope.MessageBody));
            Assert.That(requesters.Single().FilterPolicyJson, Is.EqualTo("""{"requester":["rita@example.com"]}"""));
            Assert.That(model.Rules.Where(r => r.Targets.Any(t => t.Kind == EventTargetKind.Topic)).Select(r => r.LogicalId), Is.EquivalentTo(new[]
            {
                "ApprovalRequestedRule", "ApprovalReminderRule", "RequestApprovedRule", "RequestRejectedRule", "RequestFailedRule", "RequestCompletedRule",
            }));
        });
    }
}
