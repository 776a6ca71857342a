namespace Workflow.Local.Template;

/// <summary>
/// An <c>AWS::SNS::Topic</c> with its subscriptions: those listed in the topic's <c>Subscription</c> property and the
/// <c>AWS::SNS::Subscription</c> resources whose <c>TopicArn</c> names it (when their condition holds).
/// </summary>
public sealed record TopicModel(string LogicalId, string Name, string Arn, string? DisplayName, IReadOnlyList<SubscriptionModel> Subscriptions);

/// <summary>Where the filter policy of a subscription looks: the message attributes (SNS's default) or the message body.</summary>
public enum FilterPolicyScope
{
    MessageAttributes,
    MessageBody,
}

/// <summary>
/// One subscription: protocol (<c>email</c>, <c>email-json</c>, <c>lambda</c>, <c>sqs</c>, ...), endpoint and the
/// optional filter policy (JSON text) with its scope.
/// </summary>
public sealed record SubscriptionModel(
    string LogicalId,
    string Protocol,
    string Endpoint,
    string? FilterPolicyJson,
    FilterPolicyScope FilterPolicyScope,
    bool RawMessageDelivery);
