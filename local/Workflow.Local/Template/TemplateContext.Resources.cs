using System.Security.Cryptography;
using System.Text;

namespace Workflow.Local.Template;

/// <summary>What <c>Ref</c> and <c>Fn::GetAtt</c> return for each resource type the application uses.</summary>
internal sealed partial class TemplateContext
{
    private readonly Dictionary<string, string> _physicalNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namesInProgress = new(StringComparer.Ordinal);

    /// <summary>The property holding a resource's explicit physical name, by type.</summary>
    private static readonly Dictionary<string, string> NameProperties = new(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] = "FunctionName",
        ["AWS::Lambda::Function"] = "FunctionName",
        ["AWS::Serverless::StateMachine"] = "Name",
        ["AWS::StepFunctions::StateMachine"] = "StateMachineName",
        ["AWS::Events::EventBus"] = "Name",
        ["AWS::Events::Rule"] = "Name",
        ["AWS::Events::Archive"] = "ArchiveName",
        ["AWS::DynamoDB::Table"] = "TableName",
        ["AWS::Serverless::SimpleTable"] = "TableName",
        ["AWS::SQS::Queue"] = "QueueName",
        ["AWS::SNS::Topic"] = "TopicName",
        ["AWS::Logs::LogGroup"] = "LogGroupName",
        ["AWS::IAM::Role"] = "RoleName",
        ["AWS::CloudWatch::Alarm"] = "AlarmName",
        ["AWS::Scheduler::Schedule"] = "Name",
        ["AWS::Cognito::UserPoolDomain"] = "Domain",
        ["AWS::Cognito::UserPoolGroup"] = "GroupName",
    };

    public TemplateResource GetResource(string logicalId, int line) =>
        Resources.TryGetValue(logicalId, out var resource)
            ? resource
            : throw Error(line, $"unresolvable reference '{logicalId}': no parameter, pseudo-parameter or resource has that name");

    /// <summary>The physical name: the explicit name property, else <c>{stack}-{LogicalId}</c>.</summary>
    public string PhysicalName(string logicalId, int line)
    {
        if (_physicalNames.TryGetValue(logicalId, out var known))
        {
            return known;
        }

        if (IsSamGeneratedRole(logicalId))
        {
            return Truncate($"{StackName}-{logicalId}", 64);
        }

        var resource = GetResource(logicalId, line);
        if (resource.Condition is { } condition && !IsConditionTrue(condition, resource.Line))
        {
            throw Error(line, $"'{logicalId}' is not created (its condition '{condition}' is false) and cannot be referenced");
        }

        if (!_namesInProgress.Add(logicalId))
        {
            throw Error(line, $"circular reference involving '{logicalId}'");
        }

        string name;
        try
        {
            if (NameProperties.TryGetValue(resource.Type, out var property) && resource.Properties[property] is { } node)
            {
                name = EvaluateString(node, property);
            }
            else
            {
                name = GeneratedName(resource);
            }
        }
        finally
        {
            _namesInProgress.Remove(logicalId);
        }

        _physicalNames[logicalId] = name;
        return name;
    }

    private string GeneratedName(TemplateResource resource) => resource.Type switch
    {
        "AWS::SQS::Queue" when IsTrue(resource.Properties["FifoQueue"]) => Truncate($"{StackName}-{resource.LogicalId}", 75) + ".fifo",
        "AWS::SQS::Queue" => Truncate($"{StackName}-{resource.LogicalId}", 80),
        "AWS::Serverless::Function" or "AWS::Lambda::Function" or "AWS::IAM::Role" or "AWS::Events::Rule" => Truncate($"{StackName}-{resource.LogicalId}", 64),
        "AWS::Serverless::HttpApi" or "AWS::ApiGatewayV2::Api" => ApiId(resource.LogicalId),
        _ => Truncate($"{StackName}-{resource.LogicalId}", 80),
    };

    private bool IsTrue(TemplateNode? node) => node is not null && Evaluate(node) is { } value && Canonical(value) == "true";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>A stable 10-character API id like API Gateway's, derived from the stack and logical id.</summary>
    public string ApiId(string logicalId) => StableId(logicalId, 10);

    /// <summary>A stable lower-case alphanumeric id of <paramref name="length"/> (at most 32) characters for a resource.</summary>
    private string StableId(string logicalId, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(StackName + "/" + logicalId));
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[hash[i] % alphabet.Length];
        }

        return new string(chars);
    }

    /// <summary>SAM creates <c>{Resource}Role</c> for functions and state machines that name no role.</summary>
    private bool IsSamGeneratedRole(string logicalId) =>
        !Resources.ContainsKey(logicalId)
        && logicalId.EndsWith("Role", StringComparison.Ordinal)
        && Resources.TryGetValue(logicalId[..^4], out var owner)
        && owner.Type is "AWS::Serverless::Function" or "AWS::Serverless::StateMachine"
        && owner.Properties["Role"] is null;

    private string ResourceRef(string logicalId, int line)
    {
        if (IsSamGeneratedRole(logicalId))
        {
            return PhysicalName(logicalId, line);
        }

        var resource = GetResource(logicalId, line);
        return resource.Type switch
        {
            "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine" or "AWS::SNS::Topic" => Arn(resource, line),
            "AWS::SQS::Queue" => QueueUrl(PhysicalName(logicalId, line)),
            "AWS::Cognito::UserPool" => UserPoolId(logicalId, line),
            "AWS::Cognito::UserPoolClient" => UserPoolClientId(logicalId, line),
            _ => PhysicalName(logicalId, line),
        };
    }

    public string QueueUrl(string queueName) => $"https://sqs.{Region}.{UrlSuffix}/{AccountId}/{queueName}";

    private string ResourceAttribute(string logicalId, string attribute, int line)
    {
        if (IsSamGeneratedRole(logicalId))
        {
            return attribute switch
            {
                "Arn" => $"arn:{Partition}:iam::{AccountId}:role/{PhysicalName(logicalId, line)}",
                "RoleId" => "AROA" + ApiId(logicalId).ToUpperInvariant(),
                _ => throw UnknownAttribute(logicalId, "AWS::IAM::Role", attribute, line),
            };
        }

        var resource = GetResource(logicalId, line);
        var name = PhysicalName(logicalId, line);
        return (resource.Type, attribute) switch
        {
            (_, "Arn") => Arn(resource, line),
            ("AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine", "Name") => name,
            ("AWS::Events::EventBus", "Name") => name,
            ("AWS::DynamoDB::Table", "StreamArn") => Arn(resource, line) + "/stream/1970-01-01T00:00:00.000",
            ("AWS::SQS::Queue", "QueueName") => name,
            ("AWS::SQS::Queue", "QueueUrl") => QueueUrl(name),
            ("AWS::SNS::Topic", "TopicArn") => Arn(resource, line),
            ("AWS::SNS::Topic", "TopicName") => name,
            ("AWS::IAM::Role", "RoleId") => "AROA" + ApiId(logicalId).ToUpperInvariant(),
            ("AWS::Serverless::HttpApi" or "AWS::ApiGatewayV2::Api", "ApiEndpoint") => $"https://{name}.execute-api.{Region}.{UrlSuffix}",
            ("AWS::Serverless::HttpApi" or "AWS::ApiGatewayV2::Api", "ApiId") => name,
            ("AWS::Cognito::UserPool", _) or ("AWS::Cognito::UserPoolClient", _) => CognitoAttribute(resource, attribute, line),
            _ => throw UnknownAttribute(logicalId, resource.Type, attribute, line),
        };
    }

    private TemplateException UnknownAttribute(string logicalId, string type, string attribute, int line) =>
        Error(line, $"Fn::GetAtt: {type} '{logicalId}' has no attribute '{attribute}' the local runtime can resolve");

    /// <summary>The ARN of a resource in this stack.</summary>
    public string Arn(TemplateResource resource, int line)
    {
        var name = PhysicalName(resource.LogicalId, line);
        var prefix = $"arn:{Partition}";
        return resource.Type switch
        {
            "AWS::Serverless::Function" or "AWS::Lambda::Function" => $"{prefix}:lambda:{Region}:{AccountId}:function:{name}",
            "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine" => $"{prefix}:states:{Region}:{AccountId}:stateMachine:{name}",
            "AWS::Events::EventBus" => $"{prefix}:events:{Region}:{AccountId}:event-bus/{name}",
            "AWS::Events::Rule" => $"{prefix}:events:{Region}:{AccountId}:rule/{RuleBusPrefix(resource)}{name}",
            "AWS::Events::Archive" => $"{prefix}:events:{Region}:{AccountId}:archive/{name}",
            "AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable" => $"{prefix}:dynamodb:{Region}:{AccountId}:table/{name}",
            "AWS::SQS::Queue" => $"{prefix}:sqs:{Region}:{AccountId}:{name}",
            "AWS::SNS::Topic" => $"{prefix}:sns:{Region}:{AccountId}:{name}",
            "AWS::Logs::LogGroup" => $"{prefix}:logs:{Region}:{AccountId}:log-group:{name}:*",
            "AWS::IAM::Role" => $"{prefix}:iam::{AccountId}:role/{name}",
            "AWS::IAM::ManagedPolicy" => $"{prefix}:iam::{AccountId}:policy/{name}",
            "AWS::CloudWatch::Alarm" => $"{prefix}:cloudwatch:{Region}:{AccountId}:alarm:{name}",
            "AWS::Scheduler::Schedule" => $"{prefix}:scheduler:{Region}:{AccountId}:schedule/default/{name}",
            "AWS::Cognito::UserPool" => $"{prefix}:cognito-idp:{Region}:{AccountId}:userpool/{UserPoolId(resource.LogicalId, line)}",
            _ => $"{prefix}:{ServiceOf(resource.Type)}:{Region}:{AccountId}:{name}",
        };
    }

    private string RuleBusPrefix(TemplateResource rule)
    {
        if (rule.Properties["EventBusName"] is not { } busNode)
        {
            return "";
        }

        var bus = EvaluateString(busNode, "EventBusName");
        if (bus.StartsWith("arn:", StringComparison.Ordinal))
        {
            bus = bus[(bus.LastIndexOf('/') + 1)..];
        }

        return bus == "default" ? "" : bus + "/";
    }

    private static string ServiceOf(string type)
    {
        var parts = type.Split("::");
        return parts.Length >= 2 ? parts[1].ToLowerInvariant() : "unknown";
    }
}
