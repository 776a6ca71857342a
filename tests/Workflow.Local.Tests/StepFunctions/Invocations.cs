using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.Tests.StepFunctions;

internal static class Invocations
{
    public static TaskInvocation For(string resource, JsonNode? payload, string? taskToken = null)
    {
        ResourceDescriptor.TryParse(resource, out var descriptor);
        return new TaskInvocation
        {
            Resource = resource,
            ResourceKey = descriptor!.HandlerKey,
            ResourceKind = descriptor.Kind,
            Pattern = descriptor.Pattern,
            Payload = payload,
            TaskToken = taskToken,
            ExecutionArn = $"arn:aws:states:{TestModels.Region}:{TestModels.AccountId}:execution:machine:run-1",
            StateMachineArn = TestModels.StateMachineArn("machine"),
            StateName = "Invoke",
            RetryCount = 0,
            TimeProvider = TimeProvider.System,
        };
    }
}
