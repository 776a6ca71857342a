using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Local.LoadTest;

/// <summary>The application's HTTP API as its clients use it, plus the runtime's development-token endpoint.</summary>
internal sealed class JobsApi(HttpClient http)
{
    public const string CostCentre = "LOAD-1";

    public async Task<string> TokenAsync(string subject)
    {
        using var content = new StringContent(new JsonObject { ["sub"] = subject }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("_local/token", content).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!["token"]!.GetValue<string>()
            : throw new InvalidOperationException($"POST /_local/token answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Submits a small order (24.00 EUR, no approval needed); returns the job id and the request's latency.</summary>
    public async Task<(string JobId, TimeSpan Latency)> SubmitAsync(string token, string requester, int sequence)
    {
        var body = new JsonObject
        {
            ["type"] = "purchase-request",
            ["input"] = new JsonObject
            {
                ["requester"] = requester,
                ["costCentre"] = CostCentre,
                ["vendor"] = "Load Test Supplies",
                ["currency"] = "EUR",
                ["lines"] = new JsonArray(new JsonObject
                {
                    ["description"] = "item " + sequence.ToString(CultureInfo.InvariantCulture),
                    ["quantity"] = 2,
                    ["unitPrice"] = 10,
                }),
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /jobs answered {(int)response.StatusCode}: {text}");
        }

        return (JsonNode.Parse(text)!["jobId"]!.GetValue<string>(), clock.Elapsed);
    }

    /// <summary>Every job of the token's client (all pages).</summary>
    public async Task<List<JsonObject>> ListAsync(string token)
    {
        var jobs = new List<JsonObject>();
        string? nextToken = null;
        do
        {
            var path = "jobs?limit=100" + (nextToken is null ? "" : "&nextToken=" + Uri.EscapeDataString(nextToken));
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET /jobs answered {(int)response.StatusCode}: {text}");
            }

            var page = JsonNode.Parse(text)!;
            jobs.AddRange(page["items"]!.AsArray().Select(j => j!.AsObject()));
            nextToken = page["nextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);

        return jobs;
    }
}
