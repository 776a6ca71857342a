namespace Workflow.Domain;

/// <summary>Bounds that keep every order priceable in decimal without overflow and every item well under DynamoDB's 400 KB.</summary>
public static class PurchaseRequestLimits
{
    public const int MaxLines = 200;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 500;
    public const int MaxCostCentreLength = 64;
    public const decimal MaxQuantity = 1_000_000m;
    public const int MaxQuantityDecimals = 3;
    public const decimal MaxUnitPrice = 1_000_000_000m;
    public const int MaxUnitPriceDecimals = 4;
}
