using System.Buffers.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Workflow.Functions.Storage;

/// <summary>
/// Opaque pagination tokens: the query's LastEvaluatedKey (all string attributes here) as base64url JSON. A token is
/// only accepted for the partition it came from, so it cannot be used to look into another client's listing.
/// </summary>
internal static class PageTokens
{
    public static string? Encode(Dictionary<string, AttributeValue>? lastEvaluatedKey)
    {
        if (lastEvaluatedKey is not { Count: > 0 })
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in lastEvaluatedKey.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value.S);
            }

            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <exception cref="InvalidPageTokenException">The token is malformed or belongs to another listing.</exception>
    public static Dictionary<string, AttributeValue>? Decode(string? token, string indexPartitionName, string expectedPartition, string indexSortName)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var json = Base64Url.DecodeFromChars(token);
            using var document = JsonDocument.Parse(json);
            var key = new Dictionary<string, AttributeValue>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidPageTokenException();
                }

                key[property.Name] = new AttributeValue { S = property.Value.GetString() };
            }

            var expectedNames = new[] { JobTableSchema.PartitionKey, JobTableSchema.SortKey, indexPartitionName, indexSortName };
            if (key.Count != expectedNames.Length || !expectedNames.All(key.ContainsKey) || key[indexPartitionName].S != expectedPartition)
            {
                throw new InvalidPageTokenException();
            }

            return key;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            throw new InvalidPageTokenException();
        }
    }
}

public sealed class InvalidPageTokenException : Exception
{
    public InvalidPageTokenException() : base("The page token is not valid for this listing.") { }

    public InvalidPageTokenException(string message) : base(message) { }

    public InvalidPageTokenException(string message, Exception inner) : base(message, inner) { }
}
