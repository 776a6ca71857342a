using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Workflow.Local.Hosting;

/// <summary>RFC 9457 problem details for the runtime's own endpoints (<c>/_local/...</c>).</summary>
public static class ProblemResponse
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IEnumerable<(string Field, string Message)>? errors = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "about:blank");
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteString("instance", context.Request.Path.Value);
            if (errors is not null)
            {
                writer.WriteStartArray("errors");
                foreach (var (field, message) in errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", field);
                    writer.WriteString("message", message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }
}
