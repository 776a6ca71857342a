namespace Workflow.Domain;

/// <summary>One order line; <see cref="TaxCategory"/> picks the rate from the tax table.</summary>
public sealed record PurchaseLine(string Description, decimal Quantity, decimal UnitPrice, string TaxCategory = TaxRateTable.Standard);
