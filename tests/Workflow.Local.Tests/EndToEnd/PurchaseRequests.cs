using System.Text.Json.Nodes;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>Request bodies for <c>POST /jobs</c> (approval threshold 1000, standard tax 20%).</summary>
internal static class PurchaseRequests
{
    /// <summary>Total 24.00 EUR: approved by the rules alone.</summary>
    public static JsonObject Small(string requester, string vendor = "Acme Stationery") =>
        Body(requester, vendor, [("pens", 2, 10m)]);

    /// <summary>Total 2400.00 EUR: over the threshold, so it waits for an approver.</summary>
    public static JsonObject Large(string requester, string vendor = "Acme Servers") =>
        Body(requester, vendor, [("server", 1, 2000m)]);

    public static JsonObject Body(string requester, string vendor, IEnumerable<(string Description, int Quantity, decimal UnitPrice)> lines) => new()
    {
        ["type"] = "purchase-request",
        ["input"] = new JsonObject
        {
            ["requester"] = requester,
            ["costCentre"] = AppRuntime.CostCentre,
            ["vendor"] = vendor,
            ["currency"] = "EUR",
            ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["description"] = l.Description,
                ["quantity"] = l.Quantity,
                ["unitPrice"] = l.UnitPrice,
            }).ToArray()),
        },
    };
}
