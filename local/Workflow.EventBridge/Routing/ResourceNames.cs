using System.Text.RegularExpressions;

namespace Workflow.EventBridge;

internal static partial class ResourceNames
{
    [GeneratedRegex("^[\\.\\-_A-Za-z0-9]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[/\\.\\-_A-Za-z0-9]{1,256}$")]
    private static partial Regex BusNamePattern();

    public static void RequireRuleName(string? name, string field = "name")
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw EventBridgeException.Validation(
                $"1 validation error detected: Value '{name}' at '{field}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        }
    }

    public static void RequireBusName(string name)
    {
        if (!BusNamePattern().IsMatch(name))
        {
            throw EventBridgeException.Validation(
                $"1 validation error detected: Value '{name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+");
        }
    }

    /// <summary>Accepts a bus name or ARN; null or empty means the default bus.</summary>
    public static string BusName(string? nameOrArn)
    {
        if (string.IsNullOrEmpty(nameOrArn))
        {
            return EventBus.DefaultName;
        }
        const string marker = ":event-bus/";
        var index = nameOrArn.IndexOf(marker, StringComparison.Ordinal);
        return nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && index >= 0 ? nameOrArn[(index + marker.Length)..] : nameOrArn;
    }
}
