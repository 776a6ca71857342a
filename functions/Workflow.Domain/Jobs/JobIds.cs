namespace Workflow.Domain;

public static class JobIds
{
    /// <summary>Random (v4) ids: purchase-order numbers use the first characters, so they must not share a time prefix.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
