using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workflow.Local.StepFunctions;
using Workflow.StateMachine.Api;

namespace Workflow.Local.AwsProtocol;

/// <summary>
/// The Step Functions API (<c>X-Amz-Target: AWSStepFunctions.*</c>, <c>application/x-amz-json-1.0</c>) over the
/// local engine. <c>stateMachineArn#TestCase</c> on StartExecution selects a mock configuration test case.
/// </summary>
public sealed class StepFunctionsApi(StepFunctionsRuntime runtime) : IAwsJsonService
{
    /// <summary>The namespace AWS puts before Step Functions error codes in <c>__type</c>.</summary>
    public const string ErrorTypePrefix = "com.amazonaws.swf.service.v2.model#";

    private static readonly StepFunctionsJsonContext Json = StepFunctionsJsonContext.Default;

    public string TargetPrefix => "AWSStepFunctions";

    public string ContentType => "application/x-amz-json-1.0";

    public async Task<byte[]> InvokeAsync(string operation, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            return operation switch
            {
                "CreateStateMachine" => CreateStateMachine(Read(body, Json.CreateStateMachineRequest)),
                "UpdateStateMachine" => UpdateStateMachine(Read(body, Json.UpdateStateMachineRequest)),
                "DescribeStateMachine" => DescribeStateMachine(Read(body, Json.StateMachineArnRequest)),
                "ListStateMachines" => ListStateMachines(Read(body, Json.PageRequest)),
                "StartExecution" => await StartExecutionAsync(Read(body, Json.StartExecutionRequest), cancellationToken).ConfigureAwait(false),
                "DescribeExecution" => DescribeExecution(Read(body, Json.ExecutionArnRequest)),
                "ListExecutions" => ListExecutions(Read(body, Json.ListExecutionsRequest)),
                "GetExecutionHistory" => GetExecutionHistory(Read(body, Json.GetExecutionHistoryRequest)),
                "StopExecution" => await StopExecutionAsync(Read(body, Json.StopExecutionRequest)).ConfigureAwait(false),
                "SendTaskSuccess" => await SendTaskSuccessAsync(Read(body, Json.SendTaskSuccessRequest)).ConfigureAwait(false),
                "SendTaskFailure" => await SendTaskFailureAsync(Read(body, Json.SendTaskFailureRequest)).ConfigureAwait(false),
                "SendTaskHeartbeat" => await SendTaskHeartbeatAsync(Read(body, Json.SendTaskHeartbeatRequest)).ConfigureAwait(false),
                _ => throw AwsServiceException.UnknownOperation(TargetPrefix + "." + operation),
            };
        }
        catch (StepFunctionsApiException error)
        {
            throw new AwsServiceException(ErrorTypePrefix + error.ErrorCode, error.ErrorCode, error.Message);
        }
    }

    private byte[] CreateStateMachine(CreateStateMachineRequest request)
    {
        var name = Required(request.Name, "name");
        var definition = Required(request.Definition, "definition");
        var roleArn = Required(request.RoleArn, "roleArn");
        if (!ApiNames.TryParseType(request.Type, out var type))
        {
            throw AwsServiceException.Validation(ErrorTypePrefix,
                $"1 validation error detected: Value '{request.Type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }

        var created = runtime.Engine.CreateStateMachine(name, definition, roleArn, type);
        return Write(new CreateStateMachineResponse(created.Arn, created.CreationDate), Json.CreateStateMachineResponse);
    }

    private byte[] UpdateStateMachine(UpdateStateMachineRequest request)
    {
        var arn = Required(request.StateMachineArn, "stateMachineArn");
        if (request.Definition is null && request.RoleArn is null)
        {
            throw new AwsServiceException(ErrorTypePrefix + "MissingRequiredParameter", "MissingRequiredParameter",
                "Either the definition or the roleArn must be specified.");
        }

        var updated = runtime.Engine.UpdateStateMachine(arn, request.Definition, request.RoleArn);
        return Write(new UpdateStateMachineResponse(updated.UpdateDate), Json.UpdateStateMachineResponse);
    }

    private byte[] DescribeStateMachine(StateMachineArnRequest request)
    {
        var machine = runtime.Engine.DescribeStateMachine(Required(request.StateMachineArn, "stateMachineArn"));
        return Write(new DescribeStateMachineResponse(machine.Arn, machine.Name, "ACTIVE", machine.Definition, machine.RoleArn,
            machine.Type.ToApiName(), machine.CreationDate), Json.DescribeStateMachineResponse);
    }

    private byte[] ListStateMachines(PageRequest request)
    {
        var all = runtime.Engine.ListStateMachines().OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var (page, next) = PageToken.Slice(all, PageToken.Read(request.NextToken, "stateMachines", ErrorTypePrefix), request.MaxResults, 100, "stateMachines");
        var items = page.Select(m => new StateMachineListItem(m.Arn, m.Name, m.Type.ToApiName(), m.CreationDate)).ToList();
        return Write(new ListStateMachinesResponse(items, next), Json.ListStateMachinesResponse);
    }

    private async Task<byte[]> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken)
    {
        var requestedArn = Required(request.StateMachineArn, "stateMachineArn");
        var (stateMachineArn, testCase) = runtime.SplitTestCase(requestedArn);
        var execution = await runtime.StartExecutionAsync(stateMachineArn, request.Name, request.Input ?? "{}", testCase, cancellationToken)
            .ConfigureAwait(false);
        return Write(new StartExecutionResponse(execution.ExecutionArn, execution.StartDate), Json.StartExecutionResponse);
    }

    private byte[] DescribeExecution(ExecutionArnRequest request)
    {
        var execution = runtime.Engine.DescribeExecution(Required(request.ExecutionArn, "executionArn"));
        var included = new DataDetails(true);
        return Write(new DescribeExecutionResponse(
            execution.ExecutionArn,
            execution.StateMachineArn,
            execution.Name,
            execution.Status.ToApiName(),
            execution.StartDate,
            execution.StopDate,
            execution.Input,
            included,
            execution.Output,
            execution.Output is null ? null : included,
            execution.Error,
            execution.Cause), Json.DescribeExecutionResponse);
    }

    private byte[] ListExecutions(ListExecutionsRequest request)
    {
        var stateMachineArn = Required(request.StateMachineArn, "stateMachineArn");
        ExecutionStatus? filter = null;
        if (request.StatusFilter is not null)
        {
            if (!ApiNames.TryParseStatus(request.StatusFilter, out var status))
            {
                throw AwsServiceException.Validation(ErrorTypePrefix,
                    $"1 validation error detected: Value '{request.StatusFilter}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
            }

            filter = status;
        }

        var all = runtime.Engine.ListExecutions(stateMachineArn, filter);
        var scope = "executions|" + stateMachineArn + "|" + request.StatusFilter;
        var (page, next) = PageToken.Slice(all, PageToken.Read(request.NextToken, scope, ErrorTypePrefix), request.MaxResults, 100, scope);
        var items = page.Select(e => new ExecutionListItem(e.ExecutionArn, e.StateMachineArn, e.Name, e.Status.ToApiName(), e.StartDate, e.StopDate))
            .ToList();
        return Write(new ListExecutionsResponse(items, next), Json.ListExecutionsResponse);
    }

    private byte[] GetExecutionHistory(GetExecutionHistoryRequest request)
    {
        var executionArn = Required(request.ExecutionArn, "executionArn");
        var events = runtime.Engine.GetExecutionHistory(executionArn, request.ReverseOrder == true);
        var scope = "history|" + executionArn + "|" + (request.ReverseOrder == true);
        var (page, next) = PageToken.Slice(events, PageToken.Read(request.NextToken, scope, ErrorTypePrefix), request.MaxResults, 100, scope);
        var output = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var e in page)
            {
                HistoryEventJson.Write(writer, e, request.IncludeExecutionData != false);
            }

            writer.WriteEndArray();
            if (next is not null)
            {
                writer.WriteString("nextToken", next);
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private async Task<byte[]> StopExecutionAsync(StopExecutionRequest request)
    {
        var stopped = await runtime.Engine.StopExecutionAsync(Required(request.ExecutionArn, "executionArn"), request.Error, request.Cause)
            .ConfigureAwait(false);
        return Write(new StopExecutionResponse(stopped.StopDate ?? runtime.Clock.GetUtcNow()), Json.StopExecutionResponse);
    }

    private async Task<byte[]> SendTaskSuccessAsync(SendTaskSuccessRequest request)
    {
        await runtime.Engine.SendTaskSuccessAsync(Required(request.TaskToken, "taskToken"), Required(request.Output, "output")).ConfigureAwait(false);
        return Write(new EmptyResponse(), Json.EmptyResponse);
    }

    private async Task<byte[]> SendTaskFailureAsync(SendTaskFailureRequest request)
    {
        await runtime.Engine.SendTaskFailureAsync(Required(request.TaskToken, "taskToken"), request.Error, request.Cause).ConfigureAwait(false);
        return Write(new EmptyResponse(), Json.EmptyResponse);
    }

    private async Task<byte[]> SendTaskHeartbeatAsync(SendTaskHeartbeatRequest request)
    {
        await runtime.Engine.SendTaskHeartbeatAsync(Required(request.TaskToken, "taskToken")).ConfigureAwait(false);
        return Write(new EmptyResponse(), Json.EmptyResponse);
    }

    private static string Required(string? value, string member) =>
        value ?? throw AwsServiceException.MissingMember(ErrorTypePrefix, member);

    private static T Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(body.Span, type) ?? throw AwsServiceException.Serialization("Request body must be a JSON object.");

    private static byte[] Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
