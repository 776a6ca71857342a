using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>States.Format, StringToJson, JsonToString, StringSplit, Base64Encode/Decode, Hash and UUID.</summary>
internal static class IntrinsicStringFunctions
{
    /// <summary>Step Functions' input limit for Base64Encode, Base64Decode and Hash.</summary>
    private const int MaxInputCharacters = 10000;

    public static JsonNode? Format(IntrinsicCall call)
    {
        var parts = call.Source(0) is StringLiteralArgument literal
            ? literal.FormatParts
            : IntrinsicCatalog.RequireString(call, 0).Split("{}");
        var placeholders = parts.Length - 1;
        if (placeholders != call.Count - 1)
        {
            throw IntrinsicCatalog.Failure(
                call,
                $"the format string has {placeholders} placeholder(s) '{{}}' but {call.Count - 1} value(s) were given");
        }

        var builder = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            JavaText.Append(builder, call[i]);
            builder.Append(parts[i]);
        }

        return JsonValue.Create(builder.ToString());
    }

    public static JsonNode? StringToJson(IntrinsicCall call)
    {
        var text = IntrinsicCatalog.RequireString(call, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw IntrinsicCatalog.Failure(call, $"the string is not valid JSON: {text}");
        }

        // Java's parser turns the integer -0 into 0.
        if (parsed is JsonValue && parsed.GetValueKind() == JsonValueKind.Number && parsed.ToJsonString() == "-0")
        {
            return JsonValue.Create(0);
        }

        return parsed;
    }

    public static JsonNode? JsonToString(IntrinsicCall call) => JsonValue.Create(JsonValues.ToCompactJson(call[0]));

    public static JsonNode? StringSplit(IntrinsicCall call)
    {
        var text = IntrinsicCatalog.RequireString(call, 0);
        var delimiters = IntrinsicCatalog.RequireString(call, 1);
        var result = new JsonArray();

        // Every character of the second argument is a separator; empty pieces are dropped.
        var pieces = delimiters.Length == 0
            ? [text]
            : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        foreach (var piece in pieces)
        {
            if (piece.Length > 0)
            {
                result.Add(JsonValue.Create(piece));
            }
        }

        return result;
    }

    public static JsonNode? Base64Encode(IntrinsicCall call)
    {
        var text = RequireLimitedString(call);
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    public static JsonNode? Base64Decode(IntrinsicCall call)
    {
        var text = RequireLimitedString(call);
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw IntrinsicCatalog.Failure(call, "the string is not valid base64");
        }
    }

    public static JsonNode? Hash(IntrinsicCall call)
    {
        var data = RequireLimitedString(call);
        var algorithm = IntrinsicCatalog.RequireString(call, 1);
        var bytes = Encoding.UTF8.GetBytes(data);
        byte[] digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw IntrinsicCatalog.Failure(
                call,
                $"the hash algorithm '{algorithm}' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512"),
        };
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }

    public static JsonNode? Uuid(IntrinsicCall call) => JsonValue.Create(Guid.NewGuid().ToString("D"));

    private static string RequireLimitedString(in IntrinsicCall call)
    {
        var text = IntrinsicCatalog.RequireString(call, 0);
        if (text.Length > MaxInputCharacters)
        {
            throw IntrinsicCatalog.Failure(call, $"the input string cannot be longer than {MaxInputCharacters} characters");
        }

        return text;
    }
}
