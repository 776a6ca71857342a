namespace Workflow.Domain;

public sealed record PriceQuote(string Currency, decimal Subtotal, decimal Tax, decimal Total, IReadOnlyList<PricedLine> Lines);

public sealed record PricedLine(int Index, decimal Net, decimal TaxRate, decimal Tax, decimal Gross);
