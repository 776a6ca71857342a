namespace Workflow.StateMachine.Definition;

/// <summary>
/// What a Task's <c>Resource</c> ARN names: a service integration (<c>arn:aws:states:::service:action[.sync|.waitForTaskToken]</c>),
/// a Lambda function ARN called directly, or another resource (e.g. an activity) handed to the host as-is.
/// </summary>
public sealed class ResourceDescriptor
{
    private ResourceDescriptor(string arn, ResourceKind kind, string resourceType, string resource, IntegrationPattern pattern)
    {
        Arn = arn;
        Kind = kind;
        ResourceType = resourceType;
        Resource = resource;
        Pattern = pattern;
    }

    public string Arn { get; }

    public ResourceKind Kind { get; }

    /// <summary>The service of a service integration (<c>lambda</c>), as history events report it.</summary>
    public string ResourceType { get; }

    /// <summary>The action with its pattern suffix (<c>invoke</c>, <c>startExecution.sync</c>), as history events report it.</summary>
    public string Resource { get; }

    public IntegrationPattern Pattern { get; }

    /// <summary>The ARN without its integration pattern suffix, used to find the handler.</summary>
    public string HandlerKey { get; private init; } = "";

    public static bool TryParse(string arn, out ResourceDescriptor? descriptor)
    {
        descriptor = null;
        var parts = arn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn" || parts[1].Length == 0)
        {
            return false;
        }

        var service = parts[2];
        if (service == "states" && parts[3].Length == 0 && parts[4].Length == 0)
        {
            if (parts.Length < 6 || parts[5].Length == 0 || parts.Length > 8)
            {
                return false;
            }

            var resourceType = parts[5];
            var action = string.Join(':', parts, 6, parts.Length - 6);
            if (action.Length == 0)
            {
                return false;
            }

            var pattern = IntegrationPattern.RequestResponse;
            var baseAction = action;
            var dot = action.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0)
            {
                var suffix = action[(dot + 1)..];
                var colon = suffix.IndexOf(':', StringComparison.Ordinal);
                var patternName = colon >= 0 ? suffix[..colon] : suffix;
                pattern = patternName switch
                {
                    "sync" => IntegrationPattern.Sync,
                    "waitForTaskToken" => IntegrationPattern.WaitForTaskToken,
                    _ => (IntegrationPattern)(-1),
                };
                if ((int)pattern < 0)
                {
                    return false;
                }

                baseAction = action[..dot];
            }

            descriptor = new ResourceDescriptor(arn, ResourceKind.ServiceIntegration, resourceType, action, pattern)
            {
                HandlerKey = $"arn:{parts[1]}:states:::{resourceType}:{baseAction}",
            };
            return true;
        }

        if (service == "lambda" && parts.Length >= 7 && parts[5] == "function")
        {
            descriptor = new ResourceDescriptor(arn, ResourceKind.LambdaFunction, "lambda", arn, IntegrationPattern.RequestResponse)
            {
                HandlerKey = arn,
            };
            return true;
        }

        var kind = service == "states" && parts[5] == "activity" ? ResourceKind.Activity : ResourceKind.Other;
        descriptor = new ResourceDescriptor(arn, kind, service, arn, IntegrationPattern.RequestResponse) { HandlerKey = arn };
        return true;
    }
}

public enum ResourceKind
{
    ServiceIntegration,
    LambdaFunction,
    Activity,
    Other,
}
