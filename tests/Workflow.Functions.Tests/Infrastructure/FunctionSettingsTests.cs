using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Tests.Infrastructure;

public class FunctionSettingsTests
{
    [Test]
    public void From_AllVariables_AreRead()
    {
        var variables = new Dictionary<string, string>
        {
            ["JOBS_TABLE_NAME"] = "jobs",
            ["EVENT_BUS_NAME"] = "bus",
            ["STATE_MACHINE_ARN"] = "arn:aws:states:eu-west-1:1:stateMachine:sm",
            ["APPROVAL_THRESHOLD"] = "2500.50",
            ["APPROVER_GROUP"] = "finance",
            ["GROUPS_CLAIM"] = "groups",
            ["SUPPORTED_JOB_TYPES"] = "purchase-request, other",
            ["MAX_BODY_BYTES"] = "1024",
            ["STALE_AFTER_SECONDS"] = "90",
            ["SERVICE_NAME"] = "svc",
        };

        var settings = FunctionSettings.From(variables.GetValueOrDefault);

        Assert.That(settings.TableName, Is.EqualTo("jobs"));
        Assert.That(settings.EventBusName, Is.EqualTo("bus"));
        Assert.That(settings.StateMachineArn, Does.EndWith(":sm"));
        Assert.That(settings.ApprovalThreshold, Is.EqualTo(2500.50m));
        Assert.That(settings.ApproverGroup, Is.EqualTo("finance"));
        Assert.That(settings.GroupsClaim, Is.EqualTo("groups"));
        Assert.That(settings.SupportedJobTypes, Is.EqualTo(new[] { "purchase-request", "other" }));
        Assert.That(settings.MaxBodyBytes, Is.EqualTo(1024));
        Assert.That(settings.StaleAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(settings.ServiceName, Is.EqualTo("svc"));
    }

    [Test]
    public void From_OnlyTheTable_UsesTheDocumentedDefaults()
    {
        var settings = FunctionSettings.From(name => name == "JOBS_TABLE_NAME" ? "jobs" : null);

        Assert.That(settings.ApproverGroup, Is.EqualTo("approvers"));
        Assert.That(settings.GroupsClaim, Is.EqualTo("cognito:groups"));
        Assert.That(settings.MaxBodyBytes, Is.EqualTo(65536));
        Assert.That(settings.SupportedJobTypes, Is.EqualTo(new[] { "purchase-request" }));
    }

    [Test]
    public void From_DefaultBudget_IsParsed()
    {
        var settings = FunctionSettings.From(name => name switch { "JOBS_TABLE_NAME" => "t", "DEFAULT_BUDGET" => "50000 JPY", _ => null });

        Assert.That(settings.DefaultBudget!.Limit, Is.EqualTo(50000m));
        Assert.That(settings.DefaultBudget.Currency, Is.EqualTo("JPY"));
    }

    [Test]
    public void From_MalformedDefaultBudget_NamesTheVariable() =>
        Assert.That(() => FunctionSettings.From(name => name switch { "JOBS_TABLE_NAME" => "t", "DEFAULT_BUDGET" => "lots", _ => null }),
            Throws.InvalidOperationException.With.Message.Contains("DEFAULT_BUDGET"));

    [Test]
    public void From_MissingTable_NamesTheVariable() =>
        Assert.That(() => FunctionSettings.From(_ => null), Throws.InvalidOperationException.With.Message.Contains("JOBS_TABLE_NAME"));

    [Test]
    public void From_BadNumber_NamesTheVariable() =>
        Assert.That(() => FunctionSettings.From(name => name switch { "JOBS_TABLE_NAME" => "t", "APPROVAL_THRESHOLD" => "lots", _ => null }),
            Throws.InvalidOperationException.With.Message.Contains("APPROVAL_THRESHOLD"));
}

public class ClaimsTests
{
    [TestCase("[approvers staff]", new[] { "approvers", "staff" })]
    [TestCase("""["approvers","staff"]""", new[] { "approvers", "staff" })]
    [TestCase("approvers,staff", new[] { "approvers", "staff" })]
    [TestCase("approvers", new[] { "approvers" })]
    [TestCase("[]", new string[0])]
    [TestCase("", new string[0])]
    public void ParseList_AcceptsApiGatewayAndJsonRenderings(string raw, string[] expected) =>
        Assert.That(Claims.ParseList(raw), Is.EqualTo(expected));
}
