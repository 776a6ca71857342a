namespace Workflow.Local.Notifications;

/// <summary>An SNS message attribute: <c>String</c>, <c>String.Array</c> (a JSON array), <c>Number</c> or <c>Binary</c>.</summary>
public sealed record MessageAttribute(string DataType, string Value);
