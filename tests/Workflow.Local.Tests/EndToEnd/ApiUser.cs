using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>An HTTP response read in full: status, headers and body text (parsed JSON when it is JSON).</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string? ContentType, string Body, HttpResponseHeaders Headers)
{
    public int Code => (int)Status;

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public override string ToString() => $"{Code} {ContentType}: {Body}";
}

/// <summary>A client of the HTTP API acting as one user, with a development token from the runtime.</summary>
internal sealed class ApiUser(HttpClient http, string subject, string token)
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(90);

    public string Subject { get; } = subject;

    public string Token { get; } = token;

    public Task<ApiResponse> SubmitAsync(JsonObject body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, "/jobs", body.ToJsonString(), idempotencyKey is null ? [] : [("Idempotency-Key", idempotencyKey)]);

    /// <summary>Submits and returns the new job's id, failing unless the API answered 202.</summary>
    public async Task<string> SubmitJobAsync(JsonObject body)
    {
        var response = await SubmitAsync(body);
        if (response.Status != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /jobs expected 202, got {response}");
        }

        return response.Json!["jobId"]!.GetValue<string>();
    }

    public Task<ApiResponse> GetJobAsync(string jobId) => SendAsync(HttpMethod.Get, $"/jobs/{jobId}", null);

    public Task<ApiResponse> ListJobsAsync(string query = "") => SendAsync(HttpMethod.Get, "/jobs" + query, null);

    public Task<ApiResponse> CancelAsync(string jobId) => SendAsync(HttpMethod.Post, $"/jobs/{jobId}/cancel", null);

    public Task<ApiResponse> ListApprovalsAsync() => SendAsync(HttpMethod.Get, "/approvals", null);

    public Task<ApiResponse> DecideAsync(string jobId, string decision, string comment) =>
        SendAsync(HttpMethod.Post, $"/jobs/{jobId}/approval", new JsonObject { ["decision"] = decision, ["comment"] = comment }.ToJsonString());

    /// <summary>Every job of this user, following nextToken.</summary>
    public async Task<List<JsonObject>> AllJobsAsync()
    {
        var jobs = new List<JsonObject>();
        string? nextToken = null;
        do
        {
            var response = await ListJobsAsync("?limit=100" + (nextToken is null ? "" : "&nextToken=" + Uri.EscapeDataString(nextToken)));
            if (response.Status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET /jobs expected 200, got {response}");
            }

            var page = response.Json!;
            var items = page["jobs"] ?? page["items"];
            jobs.AddRange(items!.AsArray().Select(j => j!.AsObject()));
            nextToken = page["nextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);

        return jobs;
    }

    /// <summary>Polls GET /jobs/{id} until the job has one of <paramref name="statuses"/>; returns the job view.</summary>
    public async Task<JsonObject> WaitForStatusAsync(string jobId, params string[] statuses)
    {
        JsonObject? last = null;
        try
        {
            return await Eventually.Value(async () =>
            {
                var response = await GetJobAsync(jobId);
                if (response.Status != HttpStatusCode.OK)
                {
                    return null;
                }

                last = response.Json!.AsObject();
                return statuses.Contains(last["status"]!.GetValue<string>()) ? last : null;
            }, JobTimeout, $"job {jobId} reaches {string.Join(" or ", statuses)}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last seen: {last?.ToJsonString() ?? "(never found)"}", ex);
        }
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, IEnumerable<(string Name, string Value)>? headers = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? "Bearer " + Token);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, response.Headers);
    }
}
