using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Local.StepFunctions.Mocks;
using Workflow.StateMachine;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.StepFunctions;

/// <summary>
/// Answers a Task from the mock configuration when the execution's test case mocks that state, otherwise runs the real
/// handler. A mocked <c>.waitForTaskToken</c> task completes with the mocked result through its own token, as Step
/// Functions Local does.
/// </summary>
internal sealed partial class MockingTaskHandler(
    ITaskHandler inner,
    MockConfiguration mocks,
    MockTestCaseRegistry testCases,
    StepFunctionsRuntime runtime,
    ILogger logger) : ITaskHandler
{
    /// <summary>How long a mocked token result waits for the engine to listen; only a stalled engine takes this long.</summary>
    private static readonly TimeSpan TokenListenPatience = TimeSpan.FromSeconds(30);

    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (mocks.IsEmpty)
        {
            return inner.InvokeAsync(invocation, cancellationToken);
        }

        var stateMachineName = StepFunctionsRuntime.NameOf(invocation.StateMachineArn);
        var testCase = testCases.TestCaseOf(invocation.ExecutionArn) ?? mocks.DefaultTestCase;
        var sequence = testCase is null ? null : mocks.Find(stateMachineName, testCase, invocation.StateName);
        if (sequence is null)
        {
            return inner.InvokeAsync(invocation, cancellationToken);
        }

        var index = testCases.NextInvocation(invocation.ExecutionArn, invocation.StateName);
        var response = sequence.ForInvocation(index);
        LogMocked(logger, invocation.ExecutionArn, invocation.StateName, testCase!, sequence.Name, index, response.IsThrow ? "Throw" : "Return");
        if (response.IsThrow)
        {
            throw new StatesException(response.Error!, response.Cause ?? "");
        }

        if (invocation.Pattern == IntegrationPattern.WaitForTaskToken && invocation.TaskToken is { } token)
        {
            _ = CompleteWithTokenAsync(invocation.ExecutionArn, token, response.Return?.ToJsonString() ?? "null");
            return ValueTask.FromResult<JsonNode?>(new JsonObject());
        }

        return ValueTask.FromResult(response.Return?.DeepClone());
    }

    private async Task CompleteWithTokenAsync(string executionArn, string token, string output)
    {
        // The engine starts waiting on the token once this handler has returned, which a loaded machine can delay well
        // past a few polls. This waits on the engine's own progress, not on workflow time, hence wall-clock and not the
        // runtime's TimeProvider (a test clock must not be able to stall it).
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await Task.Yield();
            try
            {
                await runtime.Engine.SendTaskSuccessAsync(token, output).ConfigureAwait(false);
                return;
            }
            catch (StepFunctionsApiException error) when (error.ErrorCode == ApiErrorCodes.TaskDoesNotExist
                && Stopwatch.GetElapsedTime(started) < TokenListenPatience && StillRunning(executionArn))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
            }
            catch (StepFunctionsApiException error)
            {
                // Runs detached from the task; a lost result must be visible, since the execution would otherwise wait silently.
                LogMockedTokenNotDelivered(logger, executionArn, error.ErrorCode, error.Message);
                return;
            }
        }
    }

    private bool StillRunning(string executionArn)
    {
        try
        {
            return runtime.Engine.DescribeExecution(executionArn).Status == ExecutionStatus.Running;
        }
        catch (StepFunctionsApiException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error,
        Message = "stepfunctions mocked waitForTaskToken result not delivered executionArn={ExecutionArn} error={ErrorCode}: {Message}")]
    private static partial void LogMockedTokenNotDelivered(ILogger logger, string executionArn, string errorCode, string message);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information,
        Message = "stepfunctions mocked executionArn={ExecutionArn} state={State} testCase={TestCase} response={MockedResponse} invocation={Invocation} kind={Kind}")]
    private static partial void LogMocked(ILogger logger, string executionArn, string state, string testCase, string mockedResponse, int invocation, string kind);
}
