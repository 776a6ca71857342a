using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Workflow.Local.LoadTest;

/// <summary>
/// Gives the load test's cost centre a budget large enough for every job (the template sets no default budget, so
/// without one every request would be rejected by the rules instead of running to SUCCEEDED).
/// </summary>
internal static class BudgetSeeder
{
    public static async Task SeedAsync(Uri dynamoDbUrl, string costCentre)
    {
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDLOADTEST", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = dynamoDbUrl.ToString(),
            AuthenticationRegion = "us-east-1",
        });
        var tables = (await client.ListTablesAsync(new ListTablesRequest()).ConfigureAwait(false)).TableNames;
        if (tables is not { Count: 1 })
        {
            throw new InvalidOperationException($"expected the application's one table at {dynamoDbUrl}, found: {string.Join(", ", tables ?? [])}");
        }

        await client.PutItemAsync(new PutItemRequest
        {
            TableName = tables[0],
            Item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "BUDGET#" + costCentre },
                ["sk"] = new() { S = "BUDGET" },
                ["costCentre"] = new() { S = costCentre },
                ["currency"] = new() { S = "EUR" },
                ["limit"] = new() { N = "1000000000" },
                ["committed"] = new() { N = "0" },
            },
        }).ConfigureAwait(false);
    }
}
