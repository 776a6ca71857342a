using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

internal sealed partial class ApplicationModelBuilder
{
    private List<TopicModel> BuildTopics()
    {
        var subscriptionsByTopic = new Dictionary<string, List<SubscriptionModel>>(StringComparer.Ordinal);
        foreach (var resource in Active("AWS::SNS::Subscription"))
        {
            var p = Properties(resource);
            var topicArn = p.RequiredString("TopicArn");
            if (!subscriptionsByTopic.TryGetValue(topicArn, out var list))
            {
                subscriptionsByTopic[topicArn] = list = [];
            }

            list.Add(Subscription(resource.LogicalId, p));
        }

        var topics = new List<TopicModel>();
        foreach (var resource in Active("AWS::SNS::Topic"))
        {
            var p = Properties(resource);
            var arn = context.Arn(resource, resource.Line);
            var subscriptions = new List<SubscriptionModel>();
            var index = 0;
            foreach (var node in p.Array("Subscription") ?? [])
            {
                subscriptions.Add(Subscription($"{resource.LogicalId}.Subscription[{index++}]", Nested(p, node, "Subscription")));
            }

            subscriptions.AddRange(subscriptionsByTopic.GetValueOrDefault(arn) ?? []);
            topics.Add(new TopicModel(resource.LogicalId, context.PhysicalName(resource.LogicalId, resource.Line), arn,
                p.String("DisplayName"), subscriptions));
        }

        return topics;
    }

    private SubscriptionModel Subscription(string logicalId, JsonProperties p)
    {
        var scope = p.String("FilterPolicyScope") switch
        {
            null or "MessageAttributes" => FilterPolicyScope.MessageAttributes,
            "MessageBody" => FilterPolicyScope.MessageBody,
            var other => throw context.Error(p.Line, $"{p.Owner}.FilterPolicyScope '{other}' must be MessageAttributes or MessageBody"),
        };
        var filterPolicy = p["FilterPolicy"] switch
        {
            null => null,
            JsonObject policy => policy.ToJsonString(),
            var text => ParseFilterPolicyText(context.AsString(text, p.Line, $"{p.Owner}.FilterPolicy"), p),
        };
        return new SubscriptionModel(logicalId, p.RequiredString("Protocol"), p.RequiredString("Endpoint"), filterPolicy, scope,
            p.Bool("RawMessageDelivery") ?? false);
    }

    private string ParseFilterPolicyText(string text, JsonProperties owner)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject policy ? policy.ToJsonString()
                : throw context.Error(owner.Line, $"{owner.Owner}.FilterPolicy must be a JSON object");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw context.Error(owner.Line, $"{owner.Owner}.FilterPolicy is not valid JSON: {ex.Message}");
        }
    }
}
