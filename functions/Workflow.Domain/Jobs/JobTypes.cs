namespace Workflow.Domain;

public static class JobTypes
{
    public const string PurchaseRequest = "purchase-request";
}
