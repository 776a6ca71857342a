using Workflow.Aws;
using Workflow.Domain;
using Workflow.Functions.Storage;

namespace Workflow.Functions.Infrastructure;

/// <summary>
/// What the handlers need, built once per process from the environment (clients are reused across invocations of a
/// warm Lambda container) or handed in by tests.
/// </summary>
public sealed class FunctionDependencies
{
    // PublicationOnly: a failed construction (missing configuration) is not cached, the next invocation tries again.
    private static readonly Lazy<FunctionDependencies> Shared = new(CreateFromEnvironment, LazyThreadSafetyMode.PublicationOnly);

    public required IJobStore Jobs { get; init; }
    public required IBudgetStore Budgets { get; init; }
    public required IEventPublisher Events { get; init; }
    public required IWorkflowControl Workflow { get; init; }
    public required FunctionSettings Settings { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public TextWriter LogOutput { get; init; } = Console.Out;

    public JsonLog Log => log ??= new JsonLog(LogOutput, Time, Settings.ServiceName);

    public BusinessMetrics Metrics => metrics ??= new BusinessMetrics(LogOutput, Time, Settings.ServiceName, Settings.Stage);

    private JsonLog? log;
    private BusinessMetrics? metrics;

    public static FunctionDependencies FromEnvironment() => Shared.Value;

    private static FunctionDependencies CreateFromEnvironment()
    {
        var settings = FunctionSettings.FromEnvironment();
        var store = new DynamoDbJobStore(DynamoDbClientFactory.Create(settings.AwsAttemptTimeout, AwsRetryPolicy.Default.MaxAttempts), settings.TableName);
        var aws = new AwsClientOptions { AttemptTimeout = settings.AwsAttemptTimeout };
        return new FunctionDependencies
        {
            Jobs = store,
            Budgets = store,
            Events = new EventBridgePublisher(new EventBridgeClient(aws), settings.EventBusName, TimeProvider.System),
            Workflow = new StepFunctionsWorkflowControl(new StepFunctionsClient(aws)),
            Settings = settings,
        };
    }

    public PricingCalculator Pricing() => new(new TaxRateTable(Settings.StandardTaxRate, Settings.ReducedTaxRate));

    public PolicySettings PolicySettings() => new() { ApprovalThreshold = Settings.ApprovalThreshold, BlockedVendors = Settings.BlockedVendors };

    public PurchaseRequestSteps Steps() => new(Jobs, Budgets, Pricing(), new PolicyChecker(PolicySettings()), Time, Settings.DefaultBudget);
}
