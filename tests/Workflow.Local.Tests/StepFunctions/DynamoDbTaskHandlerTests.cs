using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Workflow.Local.StepFunctions.Handlers;
using Workflow.StateMachine;
using Workflow.Testing;

namespace Workflow.Local.Tests.StepFunctions;

[NonParallelizable]
public sealed class DynamoDbTaskHandlerTests
{
    private const string Table = "jobs";
    private LocalDynamoDb dynamo = null!;
    private DynamoDbTaskClient client = null!;

    [OneTimeSetUp]
    public async Task StartDynamoDb()
    {
        dynamo = await LocalDynamoDb.StartAsync();
        using var sdk = dynamo.CreateClient();
        await sdk.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
        });
        client = new DynamoDbTaskClient(() => dynamo.Endpoint, LocalDynamoDb.Region, TimeProvider.System);
    }

    [OneTimeTearDown]
    public async Task StopDynamoDb()
    {
        client.Dispose();
        await dynamo.DisposeAsync();
    }

    private static DynamoDbTaskHandler Handler(DynamoDbTaskClient client, string action) =>
        new(client, DynamoDbTaskHandler.Actions[action]);

    [Test]
    public async Task PutItemThenGetItem_ReturnsDynamoDbsResponse()
    {
        await Handler(client, "putItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:putItem", JsonNode.Parse("""
            {"TableName":"jobs","Item":{"pk":{"S":"JOB#1"},"status":{"S":"ACCEPTED"}}}
            """)), CancellationToken.None);

        var result = await Handler(client, "getItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:getItem", JsonNode.Parse("""
            {"TableName":"jobs","Key":{"pk":{"S":"JOB#1"}}}
            """)), CancellationToken.None);

        Assert.That(result!["Item"]!["status"]!["S"]!.GetValue<string>(), Is.EqualTo("ACCEPTED"));
        Assert.That(result["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(result["SdkHttpMetadata"]!["HttpHeaders"]!["Content-Type"]!.GetValue<string>(), Is.EqualTo("application/x-amz-json-1.0"));
        Assert.That(result["SdkResponseMetadata"]!["RequestId"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task UpdateItem_ReturnsAttributesAsRequested()
    {
        var result = await Handler(client, "updateItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:updateItem", JsonNode.Parse("""
            {"TableName":"jobs","Key":{"pk":{"S":"JOB#2"}},"UpdateExpression":"SET #s = :s","ExpressionAttributeNames":{"#s":"status"},
             "ExpressionAttributeValues":{":s":{"S":"RUNNING"}},"ReturnValues":"ALL_NEW"}
            """)), CancellationToken.None);

        Assert.That(result!["Attributes"]!["status"]!["S"]!.GetValue<string>(), Is.EqualTo("RUNNING"));
    }

    [Test]
    public void UpdateItem_FailedCondition_FailsWithDynamoDbConditionalCheckFailedException()
    {
        var error = Assert.ThrowsAsync<StatesException>(async () =>
            await Handler(client, "updateItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:updateItem", JsonNode.Parse("""
                {"TableName":"jobs","Key":{"pk":{"S":"JOB#3"}},"UpdateExpression":"SET #s = :s","ConditionExpression":"#s = :expected",
                 "ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":s":{"S":"RUNNING"},":expected":{"S":"ACCEPTED"}}}
                """)), CancellationToken.None));

        Assert.That(error!.Error, Is.EqualTo("DynamoDB.ConditionalCheckFailedException"));
        Assert.That(error.Cause, Does.StartWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: "));
    }

    [Test]
    public void GetItem_UnknownTable_FailsWithDynamoDbResourceNotFoundException()
    {
        var error = Assert.ThrowsAsync<StatesException>(async () =>
            await Handler(client, "getItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:getItem", JsonNode.Parse("""
                {"TableName":"no-such-table","Key":{"pk":{"S":"x"}}}
                """)), CancellationToken.None));

        Assert.That(error!.Error, Is.EqualTo("DynamoDB.ResourceNotFoundException"));
    }

    [Test]
    public async Task DeleteItem_RemovesTheItem()
    {
        await Handler(client, "putItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:putItem", JsonNode.Parse("""
            {"TableName":"jobs","Item":{"pk":{"S":"JOB#4"}}}
            """)), CancellationToken.None);
        await Handler(client, "deleteItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:deleteItem", JsonNode.Parse("""
            {"TableName":"jobs","Key":{"pk":{"S":"JOB#4"}}}
            """)), CancellationToken.None);

        var result = await Handler(client, "getItem").InvokeAsync(Invocations.For("arn:aws:states:::dynamodb:getItem", JsonNode.Parse("""
            {"TableName":"jobs","Key":{"pk":{"S":"JOB#4"}}}
            """)), CancellationToken.None);

        Assert.That(result!.AsObject().ContainsKey("Item"), Is.False);
    }
}
