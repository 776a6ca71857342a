namespace Workflow.Domain;

public sealed record PurchaseRequest(
    string Requester,
    string CostCentre,
    string Vendor,
    string Currency,
    IReadOnlyList<PurchaseLine> Lines);
