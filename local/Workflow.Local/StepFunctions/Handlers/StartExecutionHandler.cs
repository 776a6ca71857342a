using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>
/// <c>arn:aws:states:::states:startExecution</c>: starts a nested execution. Request-response returns
/// <c>{ExecutionArn, StartDate}</c>; <c>.sync</c> waits and returns the child's DescribeExecution result with
/// <c>Input</c>/<c>Output</c> as JSON text, <c>.sync:2</c> the same with them as JSON values. A child that does not
/// succeed fails the task with <c>States.TaskFailed</c> and the child's description as cause.
/// </summary>
public sealed class StartExecutionHandler(StepFunctionsRuntime runtime) : ITaskHandler
{
    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var parameters = invocation.Payload as JsonObject ?? [];
        var stateMachineArn = parameters["StateMachineArn"] is JsonValue arnValue && arnValue.TryGetValue<string>(out var arn) ? arn : null;
        if (string.IsNullOrEmpty(stateMachineArn))
        {
            throw new StatesException("StepFunctions.ValidationException",
                "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null (Service: AWSStepFunctions; Status Code: 400; Error Code: ValidationException; Proxy: null)");
        }

        var input = parameters["Input"] switch
        {
            null => "{}",
            JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
            var node => node.ToJsonString(),
        };
        var name = parameters["Name"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var given) ? given : DeterministicName(invocation);

        ExecutionInfo started;
        try
        {
            var (machineArn, testCase) = runtime.SplitTestCase(stateMachineArn);
            started = await runtime.StartExecutionAsync(machineArn, name, input, testCase, cancellationToken).ConfigureAwait(false);
        }
        catch (StepFunctionsApiException error)
        {
            throw new StatesException("StepFunctions." + error.ErrorCode + (error.ErrorCode.EndsWith("Exception", StringComparison.Ordinal) ? "" : "Exception"),
                $"{error.Message} (Service: AWSStepFunctions; Status Code: 400; Error Code: {error.ErrorCode}; Request ID: {Guid.NewGuid()}; Proxy: null)");
        }

        var startResponse = new JsonObject
        {
            ["ExecutionArn"] = started.ExecutionArn,
            ["StartDate"] = started.StartDate.ToUnixTimeMilliseconds(),
        };
        if (invocation.Pattern != IntegrationPattern.Sync)
        {
            return startResponse;
        }

        invocation.ReportSubmitted(startResponse.DeepClone());
        var finished = await runtime.WaitForCompletionAsync(started.ExecutionArn, cancellationToken).ConfigureAwait(false);
        var asJson = invocation.Resource.EndsWith(".sync:2", StringComparison.Ordinal);
        var description = Describe(finished, asJson);
        if (finished.Status != ExecutionStatus.Succeeded)
        {
            throw new StatesException(ErrorNames.TaskFailed, description.ToJsonString());
        }

        return description;
    }

    private static JsonObject Describe(ExecutionInfo execution, bool asJson)
    {
        var description = new JsonObject
        {
            ["ExecutionArn"] = execution.ExecutionArn,
            ["Input"] = Data(execution.Input, asJson),
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = execution.Name,
        };
        if (execution.Output is not null)
        {
            description["Output"] = Data(execution.Output, asJson);
            description["OutputDetails"] = new JsonObject { ["Included"] = true };
        }

        description["RedriveCount"] = 0;
        description["RedriveStatus"] = "NOT_REDRIVABLE";
        description["StartDate"] = execution.StartDate.ToUnixTimeMilliseconds();
        description["StateMachineArn"] = execution.StateMachineArn;
        description["Status"] = execution.Status.ToApiName();
        if (execution.StopDate is { } stopDate)
        {
            description["StopDate"] = stopDate.ToUnixTimeMilliseconds();
        }

        if (execution.Error is not null)
        {
            description["Error"] = execution.Error;
        }

        if (execution.Cause is not null)
        {
            description["Cause"] = execution.Cause;
        }

        return description;
    }

    private static JsonNode? Data(string text, bool asJson)
    {
        if (!asJson)
        {
            return JsonValue.Create(text);
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>
    /// A child name stable across a restart of the same attempt (so a resumed parent re-attaches to its child through
    /// StartExecution's idempotency) but new for every state entry and retry.
    /// </summary>
    private static string DeterministicName(TaskInvocation invocation)
    {
        var entered = invocation.Context?["State"]?["EnteredTime"]?.ToJsonString() ?? "";
        var seed = $"{invocation.ExecutionArn}|{invocation.StateName}|{entered}|{invocation.RetryCount}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
