using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Workflow.EventBridge;
using Workflow.Local.Functions;
using Workflow.Local.Notifications;
using Workflow.Local.StepFunctions;
using Workflow.StateMachine.Api;

namespace Workflow.Local.EventBridgeService;

/// <summary>
/// Delivers rule targets inside the local runtime: state machines get StartExecution with the target input (named
/// from the event, rule and target so a retried delivery never starts a second execution), functions an
/// asynchronous invocation, queues a message in the queue file, buses a PutEvents, topics an SNS Publish (no subject,
/// as EventBridge publishes).
/// </summary>
public sealed partial class LocalTargetInvoker(
    StepFunctionsRuntime stepFunctions,
    IFunctionInvoker functions,
    DeadLetterFileSink queues,
    LocalTopics topics,
    EventBridgeRuntime eventBridge,
    ILogger<LocalTargetInvoker> logger) : ITargetInvoker
{
    public async Task InvokeAsync(RuleTarget target, string transformedInputJson, EventDelivery context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var arn = target.Arn;
        var service = arn.Split(':') is { Length: > 5 } parts ? parts[2] : "";
        switch (service)
        {
            case "states":
                await StartExecutionAsync(arn, transformedInputJson, context, cancellationToken).ConfigureAwait(false);
                break;
            case "lambda":
                InvokeFunction(arn, transformedInputJson, context);
                break;
            case "sqs":
                queues.Append(arn, transformedInputJson, new Dictionary<string, string>(), context);
                break;
            case "sns":
                PublishToTopic(arn, transformedInputJson);
                break;
            case "events":
                await eventBridge.ForwardToBusAsync(arn, transformedInputJson, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new TargetInvocationException("UnsupportedTarget", $"The local runtime cannot deliver to {arn}.", retryable: false);
        }
    }

    private async Task StartExecutionAsync(string stateMachineArn, string input, EventDelivery context, CancellationToken cancellationToken)
    {
        try
        {
            await stepFunctions.StartExecutionAsync(stateMachineArn, ExecutionName(context), input, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StepFunctionsApiException error) when (error.ErrorCode is ApiErrorCodes.StateMachineDoesNotExist or ApiErrorCodes.InvalidArn
                                                      or ApiErrorCodes.InvalidExecutionInput)
        {
            throw new TargetInvocationException(error.ErrorCode, error.Message, retryable: false, error);
        }
        catch (StepFunctionsApiException error)
        {
            throw new TargetInvocationException(error.ErrorCode, error.Message, retryable: true, error);
        }
    }

    private void PublishToTopic(string topicArn, string message)
    {
        try
        {
            topics.Publish(topicArn, message, subject: null);
        }
        catch (TopicNotFoundException error)
        {
            throw new TargetInvocationException("NotFound", error.Message, retryable: false, error);
        }
    }

    private void InvokeFunction(string functionArn, string input, EventDelivery context)
    {
        if (!functions.FunctionExists(functionArn))
        {
            throw new TargetInvocationException("ResourceNotFoundException", $"Function not found: {functionArn}", retryable: false);
        }

        // EventBridge invokes Lambda asynchronously: delivery succeeds once Lambda accepted the event; the function's
        // own outcome is Lambda's business (logged here).
        var payload = Encoding.UTF8.GetBytes(input);
        _ = Task.Run(async () =>
        {
            try
            {
                var result = await functions.InvokeAsync(functionArn, payload, CancellationToken.None).ConfigureAwait(false);
                if (result.IsError)
                {
                    LogFunctionFailed(logger, context.EventId, functionArn, result.ErrorType ?? "", result.ErrorMessage ?? "");
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogFunctionFailed(logger, context.EventId, functionArn, error.GetType().Name, error.Message);
            }
        });
    }

    /// <summary>An execution name (at most 80 characters) that is the same for every attempt of one delivery.</summary>
    internal static string ExecutionName(EventDelivery context)
    {
        var seed = $"{context.EventId}|{context.Rule.Arn}|{context.Target.Id}";
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString();
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning,
        Message = "eventbridge async function invocation failed eventId={EventId} function={FunctionArn} errorType={ErrorType} message={ErrorMessage}")]
    private static partial void LogFunctionFailed(ILogger logger, string eventId, string functionArn, string errorType, string errorMessage);
}
