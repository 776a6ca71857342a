using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Tasks;

/// <summary>
/// Runs the work of Task states whose Resource matches the pattern the handler was registered with.
/// Failures are reported by throwing <see cref="StatesException"/> with the error name and cause the state should see.
/// For <c>.waitForTaskToken</c> the returned value is only the submission response: the task completes when the token
/// is sent back through <c>SendTaskSuccessAsync</c>/<c>SendTaskFailureAsync</c>.
/// </summary>
public interface ITaskHandler
{
    ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>Adapts a delegate to <see cref="ITaskHandler"/>.</summary>
public sealed class DelegateTaskHandler(Func<TaskInvocation, CancellationToken, ValueTask<JsonNode?>> invoke) : ITaskHandler
{
    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => invoke(invocation, cancellationToken);
}
