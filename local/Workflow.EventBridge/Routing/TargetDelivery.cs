using System.Text.Json;

namespace Workflow.EventBridge;

/// <summary>Delivers one event to one target: attempts, back-off between them, and the dead-letter hand-off.</summary>
internal sealed class TargetDelivery(EventRouter router, EventDelivery first)
{
    private const string GenericErrorCode = "SDK_CLIENT_ERROR";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var target = first.Target;
        string input;
        try
        {
            input = TargetInput.Build(target, first.EventJson, first.Rule, first.IngestionTime);
        }
        catch (Exception ex) when (ex is JsonException or EventBridgeException)
        {
            await DeadLetterAsync(first, "INPUT_TRANSFORMATION_ERROR", ex.Message, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var policy = target.RetryPolicy;
        for (var attempt = 1; ; attempt++)
        {
            var context = first with { Attempt = attempt };
            try
            {
                await router.Invoker.InvokeAsync(target, input, context, cancellationToken).ConfigureAwait(false);
                Log(context, DeliveryOutcome.Delivered, null, null, null);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var (code, retryable) = ex is TargetInvocationException tie ? (tie.ErrorCode, tie.Retryable) : (GenericErrorCode, true);
                if (!retryable)
                {
                    await DeadLetterAsync(context, code, ex.Message, null, cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (attempt - 1 >= policy.MaximumRetryAttempts)
                {
                    await DeadLetterAsync(context, code, ex.Message, "MaximumRetryAttempts", cancellationToken).ConfigureAwait(false);
                    return;
                }
                var delay = RetryBackoff.Delay(attempt, router.Options);
                var age = router.TimeProvider.GetUtcNow() + delay - context.IngestionTime;
                if (age > TimeSpan.FromSeconds(policy.MaximumEventAgeInSeconds))
                {
                    await DeadLetterAsync(context, code, ex.Message, "MaximumEventAgeInSeconds", cancellationToken).ConfigureAwait(false);
                    return;
                }
                Log(context, DeliveryOutcome.Retrying, code, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, router.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DeadLetterAsync(EventDelivery context, string errorCode, string errorMessage, string? exhaustedCondition,
        CancellationToken cancellationToken)
    {
        var config = context.Target.DeadLetterConfig;
        var sink = router.DeadLetters;
        if (config is null || sink is null)
        {
            Log(context, DeliveryOutcome.Dropped, errorCode, errorMessage, null);
            return;
        }
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ERROR_CODE"] = errorCode,
            ["ERROR_MESSAGE"] = errorMessage,
            ["RULE_ARN"] = context.Rule.Arn,
            ["TARGET_ARN"] = context.Target.Arn,
            ["RETRY_ATTEMPTS"] = (context.Attempt - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (exhaustedCondition is not null)
        {
            attributes["EXHAUSTED_RETRY_CONDITION"] = exhaustedCondition;
        }
        try
        {
            await sink.SendAsync(new DeadLetterMessage(config.Arn, context.EventJson, attributes, context), cancellationToken)
                .ConfigureAwait(false);
            Log(context, DeliveryOutcome.DeadLettered, errorCode, errorMessage, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log(context, DeliveryOutcome.Dropped, errorCode, $"{errorMessage} (dead-letter queue failed: {ex.Message})", null);
        }
    }

    private void Log(EventDelivery context, DeliveryOutcome outcome, string? errorCode, string? errorMessage, TimeSpan? next) =>
        router.Notify(o => o.OnDelivery(new DeliveryLogEntry(context.EventId, context.Rule.Name, context.Target.Id,
            context.Target.Arn, context.Attempt, outcome, errorCode, errorMessage, next)));
}
