using Workflow.Functions.Http;

namespace Workflow.Functions.Api;

internal static class Forbidden
{
    public static HttpApiResponse NotApprover(string group) =>
        Responses.Problem(403, "Approver role required", $"Only members of the '{group}' group may list or decide approvals.");

    public static HttpApiResponse OwnRequest() =>
        Responses.Problem(403, "Own request", "A requester may not decide on their own request.");
}
