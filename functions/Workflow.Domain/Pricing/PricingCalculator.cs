namespace Workflow.Domain;

/// <summary>
/// Prices an order line by line: each line's net and tax are rounded to the currency's minor units, and the totals
/// are sums of rounded amounts, so the lines shown always add up to the total.
/// </summary>
public sealed class PricingCalculator(TaxRateTable taxRates)
{
    public PriceQuote Price(PurchaseRequest request)
    {
        var currency = request.Currency;
        var lines = new List<PricedLine>(request.Lines.Count);
        decimal subtotal = 0m, tax = 0m;
        for (var index = 0; index < request.Lines.Count; index++)
        {
            var line = request.Lines[index];
            var rate = taxRates.RateFor(line.TaxCategory);
            var net = MoneyRounding.Round(line.Quantity * line.UnitPrice, currency);
            var lineTax = MoneyRounding.Round(net * rate, currency);
            lines.Add(new PricedLine(index, net, rate, lineTax, net + lineTax));
            subtotal += net;
            tax += lineTax;
        }

        return new PriceQuote(currency, subtotal, tax, subtotal + tax, lines);
    }
}
