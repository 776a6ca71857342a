using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Workflow.Domain;

namespace Workflow.Functions.Storage;

/// <summary>Turns DynamoDB throttling, server errors and network failures into <see cref="TransientDependencyException"/>.</summary>
internal static class DynamoDbErrors
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            throw new TransientDependencyException($"DynamoDB is unavailable: {ex.Message}", ex);
        }
    }

    public static Task GuardAsync(Func<Task> call) => GuardAsync(async () =>
    {
        await call();
        return true;
    });

    public static bool IsTransient(Exception ex) => ex switch
    {
        ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException => true,
        AmazonServiceException service => service.StatusCode >= HttpStatusCode.InternalServerError
            || service.StatusCode == HttpStatusCode.TooManyRequests
            || service.ErrorCode is "ThrottlingException" or "Throttling",
        HttpRequestException => true,
        TaskCanceledException canceled => canceled.InnerException is TimeoutException,
        _ => false,
    };
}
