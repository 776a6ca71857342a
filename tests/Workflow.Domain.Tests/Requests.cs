using System.Text.Json;
using Workflow.Domain;

namespace Workflow.Domain.Tests;

internal static class Requests
{
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string ValidJson(string currency = "EUR", string vendor = "ACME Ltd", string lines = """[{"description":"Laptop","quantity":2,"unitPrice":100.50}]""") =>
        $$"""{"requester":"alice@example.com","costCentre":"CC-100","vendor":"{{vendor}}","currency":"{{currency}}","lines":{{lines}}}""";

    public static PurchaseRequest Request(string currency, params PurchaseLine[] lines) =>
        new("alice@example.com", "CC-100", "ACME Ltd", currency, lines);

    public static PurchaseRequest Parse(string json) =>
        PurchaseRequestParser.Parse(Json(json)).Value ?? throw new AssertionException("expected a valid request");
}
