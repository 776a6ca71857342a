using System.Globalization;
using Workflow.Domain;

namespace Workflow.Functions.Infrastructure;

/// <summary>Configuration from the environment variables of APP.md; bad values fail at start with the variable named.</summary>
public sealed record FunctionSettings
{
    public string TableName { get; init; } = "";
    public string EventBusName { get; init; } = "default";
    public string? StateMachineArn { get; init; }
    public decimal ApprovalThreshold { get; init; } = 1000m;
    public string ApproverGroup { get; init; } = "approvers";
    public string GroupsClaim { get; init; } = "cognito:groups";
    public IReadOnlyList<string> SupportedJobTypes { get; init; } = ["purchase-request"];
    public int MaxBodyBytes { get; init; } = 65536;
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(5);
    public string ServiceName { get; init; } = "workflow";

    /// <summary>The deployment stage (<c>STAGE</c>), a dimension of the business metrics.</summary>
    public string Stage { get; init; } = "local";
    public IReadOnlyList<string> BlockedVendors { get; init; } = [];
    public decimal StandardTaxRate { get; init; } = 0.20m;
    public decimal ReducedTaxRate { get; init; } = 0.05m;

    /// <summary>Budget for cost centres without a budget record (<c>DEFAULT_BUDGET</c>, e.g. <c>50000 EUR</c>); none by default.</summary>
    public BudgetRecord? DefaultBudget { get; init; }

    /// <summary>How long a request waits for an approver (<c>APPROVAL_TIMEOUT_SECONDS</c>); null when not configured.</summary>
    public TimeSpan? ApprovalTimeout { get; init; }

    /// <summary>
    /// Longest wait for one attempt of an AWS call (<c>AWS_ATTEMPT_TIMEOUT_SECONDS</c>). With the retries it must end
    /// before the function's timeout, so that a hung dependency is a TransientDependencyException the state machine
    /// retries or a 503 the client sees, not a Lambda timeout.
    /// </summary>
    public TimeSpan AwsAttemptTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a stored task token is kept (TTL); longer than any approval timeout.</summary>
    public TimeSpan TaskTokenRetention { get; init; } = TimeSpan.FromDays(30);

    public static FunctionSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static FunctionSettings From(Func<string, string?> variable)
    {
        var defaults = new FunctionSettings();
        return new FunctionSettings
        {
            TableName = Text(variable, "JOBS_TABLE_NAME") ?? throw new InvalidOperationException("Environment variable JOBS_TABLE_NAME is required."),
            EventBusName = Text(variable, "EVENT_BUS_NAME") ?? defaults.EventBusName,
            StateMachineArn = Text(variable, "STATE_MACHINE_ARN"),
            ApprovalThreshold = DecimalOf(variable, "APPROVAL_THRESHOLD") ?? defaults.ApprovalThreshold,
            ApproverGroup = Text(variable, "APPROVER_GROUP") ?? defaults.ApproverGroup,
            GroupsClaim = Text(variable, "GROUPS_CLAIM") ?? defaults.GroupsClaim,
            SupportedJobTypes = List(variable, "SUPPORTED_JOB_TYPES") ?? defaults.SupportedJobTypes,
            MaxBodyBytes = (int?)DecimalOf(variable, "MAX_BODY_BYTES") ?? defaults.MaxBodyBytes,
            StaleAfter = DecimalOf(variable, "STALE_AFTER_SECONDS") is { } seconds ? TimeSpan.FromSeconds((double)seconds) : defaults.StaleAfter,
            Stage = Text(variable, "STAGE") ?? defaults.Stage,
            ServiceName = Text(variable, "SERVICE_NAME") ?? Text(variable, "POWERTOOLS_SERVICE_NAME") ?? defaults.ServiceName,
            BlockedVendors = List(variable, "BLOCKED_VENDORS") ?? defaults.BlockedVendors,
            StandardTaxRate = DecimalOf(variable, "TAX_RATE_STANDARD") ?? defaults.StandardTaxRate,
            ReducedTaxRate = DecimalOf(variable, "TAX_RATE_REDUCED") ?? defaults.ReducedTaxRate,
            DefaultBudget = BudgetOf(Text(variable, "DEFAULT_BUDGET")),
            ApprovalTimeout = DecimalOf(variable, "APPROVAL_TIMEOUT_SECONDS") is { } timeout ? TimeSpan.FromSeconds((double)timeout) : null,
            AwsAttemptTimeout = DecimalOf(variable, "AWS_ATTEMPT_TIMEOUT_SECONDS") is { } attempt and > 0
                ? TimeSpan.FromSeconds((double)attempt)
                : defaults.AwsAttemptTimeout,
        };
    }

    private static BudgetRecord? BudgetOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var limit) && limit >= 0
            && Currencies.IsKnown(parts[1])
            ? new BudgetRecord("*", parts[1], limit, 0m)
            : throw new InvalidOperationException($"Environment variable DEFAULT_BUDGET must look like '50000 EUR', not '{text}'.");
    }

    private static string? Text(Func<string, string?> variable, string name) =>
        variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static List<string>? List(Func<string, string?> variable, string name) =>
        Text(variable, name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static decimal? DecimalOf(Func<string, string?> variable, string name)
    {
        var text = Text(variable, name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new InvalidOperationException($"Environment variable {name} must be a non-negative number, not '{text}'.");
    }
}
