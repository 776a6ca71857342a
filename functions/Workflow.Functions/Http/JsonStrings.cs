using System.Text.Json;

namespace Workflow.Functions.Http;

/// <summary>
/// JSON allows escapes such as <c>\ud800</c> that are not valid Unicode; .NET refuses to decode them. Finding them once
/// at the edge keeps every later reader (validation, hashing, storage) from failing on client input.
/// </summary>
internal static class JsonStrings
{
    public static string? FindUndecodable(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindUndecodable(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    var child = path == "body" ? name : $"{path}.{name}";
                    if (FindUndecodable(property.Value, child) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Decodes(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
