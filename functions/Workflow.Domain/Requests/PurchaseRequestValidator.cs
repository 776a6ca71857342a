using System.Globalization;
using System.Text.Json;

namespace Workflow.Domain;

/// <summary>
/// The validation step: the field rules the API already applied (the input may have been stored by an older version)
/// plus the rules that need the whole order, such as a total above zero.
/// </summary>
public sealed class PurchaseRequestValidator(PricingCalculator pricing)
{
    public ValidationReport Validate(JsonElement input)
    {
        var parsed = PurchaseRequestParser.Parse(input);
        if (parsed.Value is null)
        {
            return new ValidationReport(false, parsed.Errors);
        }

        var quote = pricing.Price(parsed.Value);
        if (quote.Total <= 0)
        {
            return new ValidationReport(false, [new FieldError("input.lines", string.Create(CultureInfo.InvariantCulture, $"the order total must be greater than zero, not {quote.Total} {quote.Currency}"))]);
        }

        var duplicate = parsed.Value.Lines
            .Select((line, index) => (line, index))
            .GroupBy(x => (x.line.Description.ToUpperInvariant(), x.line.UnitPrice, x.line.TaxCategory))
            .FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            var indexes = string.Join(", ", duplicate.Select(x => x.index));
            return new ValidationReport(false, [new FieldError("input.lines", $"lines {indexes} repeat the same item and price; combine them into one line")]);
        }

        return ValidationReport.Ok;
    }
}
