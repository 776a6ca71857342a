using System.Collections.Concurrent;
using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// A DynamoDB client that forwards every call to a real one and records the IAM action and resource it needs:
/// <c>dynamodb:GetItem table</c>, <c>dynamodb:Query index/GSI1</c>, ...
/// </summary>
public class RecordingDynamoDb : DispatchProxy
{
    private IAmazonDynamoDB inner = null!;
    private ConcurrentDictionary<string, byte> calls = null!;

    /// <summary>"action resource" pairs seen since the last <see cref="Reset"/>.</summary>
    public IReadOnlySet<string> Calls => calls.Keys.ToHashSet(StringComparer.Ordinal);

    public static (IAmazonDynamoDB Client, RecordingDynamoDb Recorder) Wrap(IAmazonDynamoDB inner)
    {
        var client = Create<IAmazonDynamoDB, RecordingDynamoDb>();
        var recorder = (RecordingDynamoDb)(object)client;
        recorder.inner = inner;
        recorder.calls = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        return (client, recorder);
    }

    public void Reset() => calls.Clear();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name.EndsWith("Async", StringComparison.Ordinal) && args is { Length: > 0 } && args[0] is AmazonDynamoDBRequest request)
        {
            var action = "dynamodb:" + targetMethod.Name[..^"Async".Length];
            var resource = request is QueryRequest { IndexName: { Length: > 0 } index } ? "index/" + index : "table";
            calls.TryAdd($"{action} {resource}", 0);
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
