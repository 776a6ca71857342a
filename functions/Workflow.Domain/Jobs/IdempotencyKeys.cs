namespace Workflow.Domain;

public static class IdempotencyKeys
{
    public const int MaxLength = 255;

    /// <summary>Printable ASCII only: the key becomes part of a DynamoDB key and of log lines.</summary>
    public static string? Problem(string key) =>
        key.Length == 0 ? "must not be empty"
        : key.Length > MaxLength ? $"must be at most {MaxLength} characters"
        : key.Any(c => c is < '!' or > '~') ? "may contain only printable ASCII characters without spaces"
        : null;
}
