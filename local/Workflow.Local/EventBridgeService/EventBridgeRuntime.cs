using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.EventBridge;
using Workflow.Local.Functions;
using Workflow.Local.Hosting;
using Workflow.Local.Notifications;
using Workflow.Local.StepFunctions;
using Workflow.Local.Template;

namespace Workflow.Local.EventBridgeService;

/// <summary>
/// The local EventBridge: an <see cref="EventRouter"/> holding the template's buses and rules (event patterns and
/// schedules) with targets delivered by <see cref="LocalTargetInvoker"/>, dead letters in queue files, and a
/// <see cref="Scheduler"/> that fires schedule rules once the host has started.
/// </summary>
public sealed partial class EventBridgeRuntime : IHostedLifecycleService, IAsyncDisposable
{
    private readonly LocalServicesSettings settings;
    private readonly LocalEndpoints endpoints;
    private int disposed;
    private readonly ILogger<EventBridgeRuntime> logger;
    private readonly EventRouter router;
    private Scheduler? scheduler;

    public EventBridgeRuntime(
        LocalServicesSettings settings,
        LocalEndpoints endpoints,
        StepFunctionsRuntime stepFunctions,
        IFunctionInvoker functions,
        DeadLetterFileSink deadLetters,
        LocalTopics topics,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        this.settings = settings;
        this.endpoints = endpoints;
        logger = loggers.CreateLogger<EventBridgeRuntime>();
        var invoker = new LocalTargetInvoker(stepFunctions, functions, deadLetters, topics, this, loggers.CreateLogger<LocalTargetInvoker>());
        router = new EventRouter(
            invoker,
            new EventRouterOptions { Account = settings.Model.AccountId, Region = settings.Model.Region },
            deadLetters,
            settings.Options.TimeProvider,
            new DeliveryLog(logger));
    }

    public EventRouter Router => router;

    public string AccountId => settings.Model.AccountId;

    public IReadOnlyList<EventBus> Buses => router.ListEventBuses();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var model = settings.Model;
        foreach (var bus in model.EventBuses)
        {
            var archive = bus.Archive is null ? null : new FileEventArchive(ArchivePath(bus.Archive.Name));
            if (bus.Name == EventBus.DefaultName)
            {
                router.SetArchive(EventBus.DefaultName, archive);
            }
            else if (router.GetEventBus(bus.Name) is null)
            {
                router.CreateEventBus(bus.Name, archive);
            }
        }

        var rules = model.Rules.Concat(model.StateMachines.SelectMany(m => m.Events))
            .DistinctBy(r => (r.EventBusName, r.Name));
        foreach (var rule in rules)
        {
            var stored = router.PutRule(ToRule(rule));
            LogRule(logger, stored.Name, stored.EventBusName, stored.Pattern?.Text ?? "", stored.Schedule?.Text ?? "",
                string.Join(",", stored.Targets.Select(t => t.Arn)));
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Schedules start once everything (Step Functions included) is up, so the first firing finds its targets.
        scheduler = new Scheduler(router, settings.Options.TimeProvider);
        scheduler.Start();
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        scheduler?.Dispose();
        scheduler = null;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public Task<PutEventsResult> PutEventsAsync(IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(router.PutEvents(entries));
    }

    /// <summary>The bus name of a name or ARN (<c>arn:aws:events:...:event-bus/jobs</c> → <c>jobs</c>); null is the default bus.</summary>
    public static string ResolveBusName(string? nameOrArn)
    {
        if (string.IsNullOrEmpty(nameOrArn))
        {
            return EventBus.DefaultName;
        }

        const string marker = ":event-bus/";
        var index = nameOrArn.IndexOf(marker, StringComparison.Ordinal);
        return nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && index >= 0 ? nameOrArn[(index + marker.Length)..] : nameOrArn;
    }

    public EventBus? FindBus(string nameOrArn) => router.GetEventBus(nameOrArn);

    public IReadOnlyList<EventRule> ListRules(string busName, string? namePrefix)
    {
        if (router.GetEventBus(busName) is null)
        {
            throw EventBridgeException.NotFound($"Event bus {busName} does not exist.");
        }

        return router.ListRules(busName, namePrefix);
    }

    /// <summary>A bus as a rule target: the event is put on that bus as a new event with the same content.</summary>
    public Task ForwardToBusAsync(string busArn, string eventJson, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(eventJson);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var entry = new PutEventsEntry
        {
            Source = Text("source"),
            DetailType = Text("detail-type"),
            Detail = root.TryGetProperty("detail", out var detail) ? detail.GetRawText() : "{}",
            Resources = root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
                ? [.. resources.EnumerateArray().Select(r => r.GetString() ?? "")]
                : [],
            EventBusName = busArn,
        };
        var result = router.PutEvents([entry]);
        if (result.FailedEntryCount > 0)
        {
            var failure = result.Entries[0];
            throw new TargetInvocationException(failure.ErrorCode ?? "InternalException", failure.ErrorMessage ?? "PutEvents failed", retryable: false);
        }

        return Task.CompletedTask;
    }

    private static EventRule ToRule(EventRuleModel rule)
    {
        EventPattern? pattern = null;
        ScheduleExpression? schedule = null;
        try
        {
            pattern = rule.EventPatternJson is null ? null : EventPattern.Parse(rule.EventPatternJson);
            schedule = rule.ScheduleExpression is null ? null : ScheduleExpression.Parse(rule.ScheduleExpression);
        }
        catch (Exception error) when (error is InvalidEventPatternException or EventBridgeException)
        {
            throw new InvalidOperationException($"Rule {rule.LogicalId} ({rule.Name}): {error.Message}", error);
        }

        return new EventRule
        {
            Name = rule.Name,
            EventBusName = rule.EventBusName,
            Pattern = pattern,
            Schedule = schedule,
            State = EventRule.ParseState(rule.State),
            Targets = [.. rule.Targets.Select(ToTarget)],
        };
    }

    private static RuleTarget ToTarget(EventTargetModel target) => new()
    {
        Id = target.Id,
        Arn = target.Arn,
        Input = target.Input,
        InputPath = target.InputPath,
        InputTransformer = target.InputTransformer is { } transformer
            ? new InputTransformer(transformer.InputPathsMap, transformer.InputTemplate)
            : null,
        RetryPolicy = target.RetryPolicy is { } retry
            ? new RetryPolicy(retry.MaximumRetryAttempts ?? RetryPolicy.Default.MaximumRetryAttempts,
                retry.MaximumEventAgeInSeconds ?? RetryPolicy.Default.MaximumEventAgeInSeconds)
            : RetryPolicy.Default,
        DeadLetterConfig = target.DeadLetterConfig is { } deadLetter ? new DeadLetterConfig(deadLetter.Arn) : null,
    };

    private string ArchivePath(string archiveName)
    {
        var directory = Path.Combine(settings.ResolveDataDirectory(endpoints), "archives");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, archiveName + ".jsonl");
    }

    public async ValueTask DisposeAsync()
    {
        // Called when the host stops and again when the container disposes its singletons.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        scheduler?.Dispose();
        scheduler = null;
        await router.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information,
        Message = "eventbridge rule {Rule} bus={Bus} pattern={Pattern} schedule={Schedule} targets={Targets}")]
    private static partial void LogRule(ILogger logger, string rule, string bus, string pattern, string schedule, string targets);
}
