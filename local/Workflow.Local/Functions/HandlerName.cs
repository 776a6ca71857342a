namespace Workflow.Local.Functions;

/// <summary>A .NET Lambda handler string <c>Assembly::Namespace.Type::Method</c>.</summary>
public sealed record HandlerName(string Assembly, string Type, string Method)
{
    public static HandlerName Parse(string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException($"handler '{handler}' must have the form Assembly::Namespace.Type::Method");
        }

        return new HandlerName(parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
    }

    public override string ToString() => $"{Assembly}::{Type}::{Method}";
}
