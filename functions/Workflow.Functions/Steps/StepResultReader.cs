using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workflow.Domain;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>
/// Reads the Parallel state's branch outputs for the merge. A branch output may be the step result, the whole
/// lambda:invoke response (<c>{"Payload": ..., "StatusCode": 200}</c>) or a Catch output (<c>{"Error","Cause"}</c>).
/// </summary>
internal static class StepResultReader
{
    public static DecisionInputs Read(IReadOnlyList<JsonElement> results)
    {
        var failures = new List<string>();
        var validation = Branch(results, 0, "validate", FunctionsJsonContext.Default.ValidationReport, failures);
        var price = Branch(results, 1, "price", FunctionsJsonContext.Default.PriceQuote, failures);
        var budget = Branch(results, 2, "budget", FunctionsJsonContext.Default.BudgetCheckResult, failures);
        var policy = Branch(results, 3, "policy", FunctionsJsonContext.Default.PolicyResult, failures);
        return new DecisionInputs { Validation = validation, Price = price, Budget = budget, Policy = policy, Failures = failures };
    }

    private static T? Branch<T>(IReadOnlyList<JsonElement> results, int index, string name, JsonTypeInfo<T> type, List<string> failures) where T : class
    {
        if (index >= results.Count)
        {
            failures.Add($"{name}: no result");
            return null;
        }

        var element = Unwrap(results[index]);
        if (element.ValueKind != JsonValueKind.Object)
        {
            failures.Add($"{name}: result is not an object");
            return null;
        }

        if (element.TryGetProperty("Error", out var error))
        {
            var cause = element.TryGetProperty("Cause", out var c) ? CauseText(c) : "";
            failures.Add($"{name}: {error.GetString()}: {cause}".TrimEnd(' ', ':'));
            return null;
        }

        try
        {
            return element.Deserialize(type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            failures.Add($"{name}: unreadable result ({ex.Message})");
            return null;
        }
    }

    private static JsonElement Unwrap(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("Payload", out var payload) && element.TryGetProperty("StatusCode", out _)
            ? payload
            : element;

    /// <summary>Lambda errors arrive with Cause = the JSON text of {errorMessage, errorType, ...}; show the message.</summary>
    private static string CauseText(JsonElement cause)
    {
        var text = cause.ValueKind == JsonValueKind.String ? cause.GetString() ?? "" : cause.GetRawText();
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errorMessage", out var message))
            {
                return message.GetString() ?? text;
            }
        }
        catch (JsonException)
        {
            // Plain text cause.
        }

        return text;
    }
}
