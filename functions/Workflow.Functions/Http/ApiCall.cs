using System.Text;
using System.Text.Json;
using Workflow.Domain;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Http;

/// <summary>One API request as a handler sees it: the event, the authenticated caller, and body reading rules.</summary>
public sealed class ApiCall(HttpApiRequest request, Caller caller, FunctionDependencies dependencies)
{
    public HttpApiRequest Request { get; } = request;

    public Caller Caller { get; } = caller;

    public FunctionDependencies Dependencies { get; } = dependencies;

    /// <summary>Set by the handler once known, for the request's log line.</summary>
    public string? JobId { get; set; }

    public string JobIdFromPath()
    {
        var id = Request.PathParameter("id");
        JobId = id;
        return id ?? "";
    }

    /// <summary>The body as JSON, enforcing MAX_BODY_BYTES (413) and reporting malformed JSON with its position (400).</summary>
    public JsonDocument ReadJsonBody()
    {
        var bytes = BodyBytes();
        if (bytes.Length > Dependencies.Settings.MaxBodyBytes)
        {
            throw new ApiProblemException(ProblemDetails.Create(413, "Payload too large",
                $"The body has {bytes.Length} bytes; the limit is {Dependencies.Settings.MaxBodyBytes}.",
                [new FieldError("body", $"must be at most {Dependencies.Settings.MaxBodyBytes} bytes")]));
        }

        if (bytes.Length == 0)
        {
            throw ApiProblemException.Field(400, "Bad request", "body", "a JSON body is required");
        }

        // The content type is not checked: clients such as curl -d label JSON as form data, and the body must be JSON anyway.
        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            if (JsonStrings.FindUndecodable(document.RootElement, "body") is { } path)
            {
                document.Dispose();
                throw ApiProblemException.Field(400, "Bad request", path, "contains an escaped unpaired surrogate, which is not valid Unicode text");
            }

            return document;
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            throw new ApiProblemException(ProblemDetails.Create(400, "Malformed JSON",
                $"The body is not valid JSON at line {line}, position {position}: {Reason(ex)}",
                [new FieldError("body", $"invalid JSON at line {line}, position {position}")]));
        }
    }

    private byte[] BodyBytes()
    {
        var body = Request.Body ?? "";
        if (!Request.IsBase64Encoded)
        {
            return Encoding.UTF8.GetBytes(body);
        }

        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            throw ApiProblemException.Field(400, "Bad request", "body", "the base64-encoded body is not valid base64");
        }
    }

    /// <summary>The parser's reason without its own position suffix (already reported in a friendlier form).</summary>
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.', '|');
    }
}
