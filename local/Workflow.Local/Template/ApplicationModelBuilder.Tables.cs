using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

internal sealed partial class ApplicationModelBuilder
{
    private List<TableModel> BuildTables()
    {
        var tables = new List<TableModel>();
        foreach (var resource in Active("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"))
        {
            var p = Properties(resource);
            var name = context.PhysicalName(resource.LogicalId, resource.Line);
            var arn = context.Arn(resource, resource.Line);
            if (resource.Type == "AWS::Serverless::SimpleTable")
            {
                var key = p.Object_("PrimaryKey");
                var keyName = key?.String("Name") ?? "id";
                var keyType = (key?.String("Type") ?? "String") switch
                {
                    "String" => "S",
                    "Number" => "N",
                    "Binary" => "B",
                    var other => throw context.Error(resource.Line, $"{resource.LogicalId}.PrimaryKey.Type '{other}' must be String, Number or Binary"),
                };
                var throughput = Throughput(p.Object_("ProvisionedThroughput"));
                tables.Add(new TableModel(resource.LogicalId, name, arn,
                    [new KeySchemaElementModel(keyName, "HASH")], [new AttributeDefinitionModel(keyName, keyType)],
                    [], [], throughput is null ? "PAY_PER_REQUEST" : "PROVISIONED", throughput, null, null));
                continue;
            }

            var ttl = p.Object_("TimeToLiveSpecification");
            tables.Add(new TableModel(
                resource.LogicalId,
                name,
                arn,
                KeySchema(p, "KeySchema"),
                (p.Array("AttributeDefinitions") ?? []).Select(node =>
                {
                    var a = Nested(p, node, "AttributeDefinitions");
                    return new AttributeDefinitionModel(a.RequiredString("AttributeName"), a.RequiredString("AttributeType"));
                }).ToList(),
                Indexes(p, "GlobalSecondaryIndexes"),
                Indexes(p, "LocalSecondaryIndexes"),
                p.String("BillingMode") ?? "PROVISIONED",
                Throughput(p.Object_("ProvisionedThroughput")),
                ttl?.Bool("Enabled") is true ? ttl.String("AttributeName") : null,
                p.Object_("StreamSpecification")?.String("StreamViewType")));
        }

        return tables;
    }

    private static JsonProperties Nested(JsonProperties parent, JsonNode? node, string name) =>
        new(node as JsonObject ?? throw parent.Context.Error(parent.Line, $"{parent.Owner}.{name} entries must be mappings"),
            parent.Context, parent.Line, $"{parent.Owner}.{name}");

    private static List<KeySchemaElementModel> KeySchema(JsonProperties p, string name) =>
        (p.Array(name) ?? throw p.Context.Error(p.Line, $"{p.Owner} needs {name}")).Select(node =>
        {
            var k = Nested(p, node, name);
            return new KeySchemaElementModel(k.RequiredString("AttributeName"), k.RequiredString("KeyType"));
        }).ToList();

    private static List<SecondaryIndexModel> Indexes(JsonProperties p, string name) =>
        (p.Array(name) ?? []).Select(node =>
        {
            var index = Nested(p, node, name);
            var projection = index.Object_("Projection");
            return new SecondaryIndexModel(
                index.RequiredString("IndexName"),
                KeySchema(index, "KeySchema"),
                projection?.String("ProjectionType") ?? "ALL",
                projection?.Strings("NonKeyAttributes") ?? [],
                Throughput(index.Object_("ProvisionedThroughput")));
        }).ToList();

    private static ProvisionedThroughputModel? Throughput(JsonProperties? p) =>
        p is { } t ? new ProvisionedThroughputModel(t.Int("ReadCapacityUnits") ?? 5, t.Int("WriteCapacityUnits") ?? 5) : null;
}
