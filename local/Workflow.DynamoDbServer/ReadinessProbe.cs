using System.Net;
using System.Text;

namespace Workflow.DynamoDbServer;

/// <summary>
/// Asks the server to list its tables: a successful answer proves both that HTTP is up and that the store opened
/// (dynalite opens LevelDB lazily, so a bare TCP connect would report a server whose data directory is unusable as ready).
/// </summary>
internal static class ReadinessProbe
{
    // dynalite checks that a SigV4 Authorization header is well formed but never verifies the signature.
    private const string Authorization =
        "AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0";

    public static async Task<bool> IsReadyAsync(HttpClient http, Uri endpoint, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.ListTables");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20240101T000000Z");
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
