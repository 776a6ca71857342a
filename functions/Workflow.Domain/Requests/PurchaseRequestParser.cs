using System.Globalization;
using System.Text.Json;

namespace Workflow.Domain;

/// <summary>
/// Reads a purchase request from JSON and applies the field rules in one pass, so every problem is reported with the
/// path of the field at fault (wrong type, missing, out of range) instead of stopping at the first.
/// </summary>
public static class PurchaseRequestParser
{
    public static ParseResult<PurchaseRequest> Parse(JsonElement input, string prefix = "input")
    {
        var errors = new List<FieldError>();
        if (input.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(prefix, $"must be a JSON object, not {Describe(input.ValueKind)}"));
            return ParseResult<PurchaseRequest>.Failure(errors);
        }

        var requester = ReadText(input, "requester", prefix, PurchaseRequestLimits.MaxNameLength, errors);
        var costCentre = ReadCostCentre(input, prefix, errors);
        var vendor = ReadText(input, "vendor", prefix, PurchaseRequestLimits.MaxNameLength, errors);
        var currency = ReadCurrency(input, prefix, errors);
        var lines = ReadLines(input, prefix, errors);

        if (errors.Count > 0)
        {
            return ParseResult<PurchaseRequest>.Failure(errors);
        }

        return ParseResult<PurchaseRequest>.Success(new PurchaseRequest(requester!, costCentre!, vendor!, currency!, lines!));
    }

    /// <summary>Parses JSON text (as stored on the job) that the API already validated once.</summary>
    public static PurchaseRequest ParseStored(string inputJson)
    {
        using var document = JsonDocument.Parse(inputJson);
        var result = Parse(document.RootElement);
        return result.Value ?? throw new BusinessRuleException(
            "The purchase request is invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    private static string? ReadText(JsonElement parent, string name, string prefix, int maxLength, List<FieldError> errors, bool allowLineBreaks = false)
    {
        var path = $"{prefix}.{name}";
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(path, "is required"));
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(path, $"must be a string, not {Describe(element.ValueKind)}"));
            return null;
        }

        var value = StringOf(element);
        var problem = value is null ? TextRules.UnpairedSurrogate : TextRules.Problem(value, maxLength, allowLineBreaks);
        if (problem is not null)
        {
            errors.Add(new FieldError(path, problem));
            return null;
        }

        return value!.Trim();
    }

    /// <summary>The string value, or null when its escapes encode an unpaired surrogate (which .NET refuses to decode).</summary>
    private static string? StringOf(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? ReadCostCentre(JsonElement parent, string prefix, List<FieldError> errors)
    {
        var value = ReadText(parent, "costCentre", prefix, PurchaseRequestLimits.MaxCostCentreLength, errors);
        if (value is not null && !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(new FieldError($"{prefix}.costCentre", "may contain only letters A-Z, digits, '-', '_' and '.'"));
            return null;
        }

        return value;
    }

    private static string? ReadCurrency(JsonElement parent, string prefix, List<FieldError> errors)
    {
        var value = ReadText(parent, "currency", prefix, 3, errors);
        if (value is null)
        {
            return null;
        }

        if (value.Length != 3 || !value.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new FieldError($"{prefix}.currency", "must be a three-letter upper-case ISO 4217 code such as EUR"));
            return null;
        }

        if (!Currencies.IsKnown(value))
        {
            errors.Add(new FieldError($"{prefix}.currency", $"'{value}' is not an ISO 4217 currency"));
            return null;
        }

        return value;
    }

    private static List<PurchaseLine>? ReadLines(JsonElement parent, string prefix, List<FieldError> errors)
    {
        var path = $"{prefix}.lines";
        if (!parent.TryGetProperty("lines", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(path, "is required"));
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(path, $"must be an array, not {Describe(array.ValueKind)}"));
            return null;
        }

        var count = array.GetArrayLength();
        if (count == 0)
        {
            errors.Add(new FieldError(path, "must contain at least one line"));
            return null;
        }

        if (count > PurchaseRequestLimits.MaxLines)
        {
            errors.Add(new FieldError(path, $"must contain at most {PurchaseRequestLimits.MaxLines} lines, not {count}"));
            return null;
        }

        var lines = new List<PurchaseLine>(count);
        var before = errors.Count;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var line = ReadLine(element, $"{path}[{index}]", errors);
            if (line is not null)
            {
                lines.Add(line);
            }

            index++;
        }

        return errors.Count == before ? lines : null;
    }

    private static PurchaseLine? ReadLine(JsonElement element, string path, List<FieldError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, $"must be an object, not {Describe(element.ValueKind)}"));
            return null;
        }

        var before = errors.Count;
        var description = ReadText(element, "description", path, PurchaseRequestLimits.MaxDescriptionLength, errors, allowLineBreaks: true);
        var quantity = ReadNumber(element, "quantity", path, errors);
        if (quantity is { } q)
        {
            if (q <= 0)
            {
                errors.Add(new FieldError($"{path}.quantity", "must be greater than zero"));
            }
            else if (q > PurchaseRequestLimits.MaxQuantity)
            {
                errors.Add(new FieldError($"{path}.quantity", $"must be at most {PurchaseRequestLimits.MaxQuantity}"));
            }
            else if (DecimalFacts.DecimalPlaces(q) > PurchaseRequestLimits.MaxQuantityDecimals)
            {
                errors.Add(new FieldError($"{path}.quantity", $"must have at most {PurchaseRequestLimits.MaxQuantityDecimals} decimal places"));
            }
        }

        var unitPrice = ReadNumber(element, "unitPrice", path, errors);
        if (unitPrice is { } p)
        {
            if (p < 0)
            {
                errors.Add(new FieldError($"{path}.unitPrice", "must not be negative"));
            }
            else if (p > PurchaseRequestLimits.MaxUnitPrice)
            {
                errors.Add(new FieldError($"{path}.unitPrice", string.Create(CultureInfo.InvariantCulture, $"must be at most {PurchaseRequestLimits.MaxUnitPrice}")));
            }
            else if (DecimalFacts.DecimalPlaces(p) > PurchaseRequestLimits.MaxUnitPriceDecimals)
            {
                errors.Add(new FieldError($"{path}.unitPrice", $"must have at most {PurchaseRequestLimits.MaxUnitPriceDecimals} decimal places"));
            }
        }

        var taxCategory = TaxRateTable.Standard;
        if (element.TryGetProperty("taxCategory", out var category) && category.ValueKind != JsonValueKind.Null)
        {
            if (category.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError($"{path}.taxCategory", $"must be a string, not {Describe(category.ValueKind)}"));
            }
            else if (!TaxRateTable.IsCategoryName(StringOf(category)))
            {
                errors.Add(new FieldError($"{path}.taxCategory", $"must be one of {string.Join(", ", TaxRateTable.CategoryNames)}"));
            }
            else
            {
                taxCategory = category.GetString()!;
            }
        }

        return errors.Count == before ? new PurchaseLine(description!, quantity!.Value, unitPrice!.Value, taxCategory) : null;
    }

    private static decimal? ReadNumber(JsonElement parent, string name, string prefix, List<FieldError> errors)
    {
        var path = $"{prefix}.{name}";
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(path, "is required"));
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new FieldError(path, $"must be a number, not {Describe(element.ValueKind)}"));
            return null;
        }

        if (!element.TryGetDecimal(out var value))
        {
            errors.Add(new FieldError(path, "is out of range"));
            return null;
        }

        return value;
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
