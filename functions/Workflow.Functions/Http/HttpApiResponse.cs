namespace Workflow.Functions.Http;

/// <summary>HTTP API payload format 2.0 response.</summary>
public sealed class HttpApiResponse
{
    public int StatusCode { get; set; }
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }
}
