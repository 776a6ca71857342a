using System.Text.Json;

namespace Workflow.DynamoDbServer;

/// <summary>One JSON line that launch.js writes on stdout: <c>listening</c> with the bound port, or <c>error</c>.</summary>
internal sealed record LauncherMessage(string Event, int Port, string? Code, string? Message)
{
    public static LauncherMessage? TryParse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("event", out var kind) || kind.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new LauncherMessage(
                kind.GetString()!,
                root.TryGetProperty("port", out var port) && port.TryGetInt32(out var value) ? value : 0,
                Text(root, "code"),
                Text(root, "message"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // launch.js forwards whatever a Node error carries; a numeric code must not throw inside the output event handler.
    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
}
