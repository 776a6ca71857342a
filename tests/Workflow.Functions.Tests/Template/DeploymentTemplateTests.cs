using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Aws;
using Workflow.Functions.Infrastructure;
using Workflow.Testing;

namespace Workflow.Functions.Tests.Template;

/// <summary>Template and samconfig settings that only break on AWS: each test pins one defect found in review.</summary>
public partial class DeploymentTemplateTests
{
    private static readonly SamTemplate Template = SamTemplate.Repository;

    private static string SamConfigText => File.ReadAllText(RepoPaths.InRepo("samconfig.toml"));

    [Test]
    public void Stage_HasNoDefault_SoADeployThatForgetsItFails()
    {
        var stage = Template.Root["Parameters"]!["Stage"]!.AsObject();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stage.ContainsKey("Default"), Is.False, "a default would let an overridden parameter list deploy prod as that stage");
            Assert.That(stage["AllowedValues"]!.AsArray().Select(v => (string?)v), Is.EquivalentTo(new[] { "dev", "prod" }));
        }
    }

    [Test]
    public void EverySamconfigDeployEnvironment_PassesItsOwnStage()
    {
        var environments = DeployParameterOverrides().ToList();

        Assert.That(environments.Select(e => e.Environment), Is.SupersetOf(new[] { "default", "prod" }));
        foreach (var (environment, overrides) in environments)
        {
            var expected = environment == "default" ? "dev" : environment;
            Assert.That(overrides, Does.Contain($"Stage=\\\"{expected}\\\""), $"[{environment}.deploy.parameters] must pass Stage={expected}");
        }
    }

    [Test]
    public void SamBuilds_AreNotCached()
    {
        var cached = CachedSetting().Matches(SamConfigText).Select(m => m.Groups[1].Value).ToList();

        Assert.That(cached, Is.Not.Empty.And.All.EqualTo("false"),
            "SAM's build cache key covers only CodeUri, not the repository-root build files");
    }

    [Test]
    public void HttpApi_DoesNotFailTheDeployOnWarnings()
    {
        var api = SamTemplate.PropertiesOf(Template.ResourcesOfType("AWS::Serverless::HttpApi").Single().Resource);

        Assert.That((bool?)api["FailOnWarnings"] ?? false, Is.False);
    }

    [Test]
    public void DeadLetterQueue_KeepsEventsFourteenDays_AndEventBridgeMaySendToIt()
    {
        var rule = Template.StateMachine().Properties["Events"]!.AsObject()
            .Select(e => e.Value!.AsObject()).Single(e => (string?)e["Type"] == "EventBridgeRule")["Properties"]!;
        var queueId = SamTemplate.ReferencedLogicalId(rule["DeadLetterConfig"]?["Arn"]);
        Assert.That(queueId, Is.Not.Null, "the rule must name a queue declared in the template (SAM's own keeps 4 days)");

        var queue = Template.Resource(queueId!);
        var policies = Template.ResourcesOfType("AWS::SQS::QueuePolicy")
            .Select(p => SamTemplate.PropertiesOf(p.Resource))
            .Where(p => p["Queues"]!.AsArray().Any(q => SamTemplate.ReferencedLogicalId(q) == queueId))
            .ToList();
        var statements = policies.SelectMany(p => p["PolicyDocument"]!["Statement"]!.AsArray()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)queue["Type"], Is.EqualTo("AWS::SQS::Queue"));
            Assert.That((long?)SamTemplate.PropertiesOf(queue)["MessageRetentionPeriod"], Is.EqualTo(14 * 24 * 3600));
            Assert.That(statements.Any(s => (string?)s!["Principal"]?["Service"] == "events.amazonaws.com"
                && (string?)s["Action"] == "sqs:SendMessage" && (string?)s["Effect"] == "Allow"), Is.True,
                "EventBridge needs sqs:SendMessage on the queue");
        }
    }

    [Test]
    public void EncryptedTopics_UseARotatedCustomerKey_ThatCloudWatchAndEventBridgeMayUse()
    {
        var topics = Template.ResourcesOfType("AWS::SNS::Topic").ToList();
        Assert.That(topics.Select(t => t.LogicalId), Does.Contain("AlarmTopic"));

        foreach (var (topicId, topic) in topics)
        {
            var keyNode = SamTemplate.PropertiesOf(topic)["KmsMasterKeyId"];
            if (keyNode is null)
            {
                continue;
            }

            var keyId = SamTemplate.ReferencedLogicalId(keyNode);
            Assert.That(keyId, Is.Not.Null, $"{topicId}: an AWS-managed key (alias/aws/sns) cannot grant CloudWatch or EventBridge");
            var key = Template.Resource(keyId!);
            var properties = SamTemplate.PropertiesOf(key);
            var grants = properties["KeyPolicy"]!["Statement"]!.AsArray().OfType<JsonObject>()
                .Where(s => (string?)s["Effect"] == "Allow")
                .SelectMany(s => Values(s["Principal"]?["Service"]).SelectMany(service => Values(s["Action"]).Select(action => $"{service} {action}")))
                .ToList();

            using (Assert.EnterMultipleScope())
            {
                Assert.That((string?)key["Type"], Is.EqualTo("AWS::KMS::Key"), topicId);
                Assert.That((bool?)properties["EnableKeyRotation"], Is.True, topicId);
                Assert.That(grants, Is.SupersetOf(new[]
                {
                    "cloudwatch.amazonaws.com kms:GenerateDataKey*", "cloudwatch.amazonaws.com kms:Decrypt",
                    "events.amazonaws.com kms:GenerateDataKey*", "events.amazonaws.com kms:Decrypt",
                }), topicId);
            }
        }

        Assert.That(SamTemplate.PropertiesOf(Template.Resource("AlarmTopic"))["KmsMasterKeyId"], Is.Not.Null, "the alarm topic is encrypted");
    }

    [Test]
    public void StateMachineLogs_NeverIncludeExecutionData_WhichCarriesTheTaskToken()
    {
        var logging = Template.StateMachine().Properties["Logging"]!.AsObject();

        Assert.That(logging["IncludeExecutionData"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.False),
            "in every stage: RequestApproval's input holds the task token");
    }

    [Test]
    public void ApprovalRequestPayload_IsTheOnlyPlaceTheTaskTokenGoes()
    {
        var mentions = StateMachineDefinition.AllStates(StateMachineDefinition.ParseRepositoryWithSamples())
            .Where(s => s.State.ToJsonString().Contains("$$.Task.Token", StringComparison.Ordinal))
            .Select(s => s.Name);

        Assert.That(mentions, Is.EquivalentTo(new[] { "RequestApproval" }));
    }

    [Test]
    public void EveryFunction_GivesUpOnAHungAwsCall_BeforeItsOwnTimeout()
    {
        var functions = Template.ResourcesOfType(SamTemplate.FunctionType).Select(f => f.LogicalId).ToList();
        Assert.That(functions, Is.Not.Empty);

        foreach (var function in functions)
        {
            var timeout = TimeSpan.FromSeconds(double.Parse(Template.FunctionProperty(function, "Timeout")!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
            var variables = EnvironmentOf(function);
            var settings = FunctionSettings.From(name => name == "JOBS_TABLE_NAME" ? "jobs" : variables.GetValueOrDefault(name));
            var retry = AwsRetryPolicy.Default with { Jitter = () => 1 };
            var worstCase = settings.AwsAttemptTimeout * retry.MaxAttempts
                + Enumerable.Range(1, retry.MaxAttempts - 1).Select(retry.DelayBeforeRetry).Aggregate(TimeSpan.Zero, (a, b) => a + b);

            Assert.That(worstCase, Is.LessThan(timeout),
                $"{function}: a hung AWS call ({retry.MaxAttempts} attempts of {settings.AwsAttemptTimeout.TotalSeconds} s) outlasts the {timeout.TotalSeconds} s function timeout");
        }
    }

    /// <summary>The literal environment variables a function gets: Globals.Function's, then its own.</summary>
    private static Dictionary<string, string> EnvironmentOf(string function)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = new[]
        {
            Template.Root["Globals"]?["Function"]?["Environment"]?["Variables"],
            SamTemplate.PropertiesOf(Template.Resource(function))["Environment"]?["Variables"],
        };
        foreach (var variables in sources.OfType<JsonObject>())
        {
            foreach (var (name, value) in variables)
            {
                if (value is JsonValue literal && literal.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)
                {
                    result[name] = literal.ToString();
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(v => (string?)v).OfType<string>(),
        JsonValue value => [(string)value!],
        _ => [],
    };

    /// <summary>(environment, parameter_overrides as written) of every <c>[env.deploy.parameters]</c> table.</summary>
    private static IEnumerable<(string Environment, string Overrides)> DeployParameterOverrides()
    {
        string? environment = null;
        foreach (var line in SamConfigText.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
            {
                var match = DeployTable().Match(line);
                environment = match.Success ? match.Groups[1].Value : null;
            }
            else if (environment is not null && line.StartsWith("parameter_overrides", StringComparison.Ordinal))
            {
                yield return (environment, line);
            }
        }
    }

    [GeneratedRegex(@"^\[(\w+)\.deploy\.parameters\]$")]
    private static partial Regex DeployTable();

    [GeneratedRegex(@"(?m)^\s*cached\s*=\s*(\w+)")]
    private static partial Regex CachedSetting();
}
