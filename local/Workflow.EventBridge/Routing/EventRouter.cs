using System.Collections.Concurrent;
using System.Text.Json;

namespace Workflow.EventBridge;

/// <summary>
/// Holds buses and rules, accepts PutEvents and delivers matching events to targets in the background through the
/// host's <see cref="ITargetInvoker"/>, retrying with back-off and dead-lettering as the target's policy says.
/// </summary>
public sealed class EventRouter : IAsyncDisposable
{
    public const int MaxTargetsPerRule = 5;

    /// <summary>AWS's length limit for an EventPattern in PutRule and TestEventPattern.</summary>
    public const int MaxEventPatternLength = 4096;

    private readonly EventRouterOptions _options;
    private readonly ITargetInvoker _invoker;
    private readonly IDeadLetterSink? _deadLetters;
    private readonly TimeProvider _time;
    private readonly IEventRouterObserver? _observer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EventBus> _buses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Bus, string Name), EventRule> _rules = [];
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _shutdown = new();

    public EventRouter(ITargetInvoker invoker, EventRouterOptions? options = null, IDeadLetterSink? deadLetters = null,
        TimeProvider? timeProvider = null, IEventRouterObserver? observer = null)
    {
        _invoker = invoker ?? throw new ArgumentNullException(nameof(invoker));
        _options = options ?? new EventRouterOptions();
        _deadLetters = deadLetters;
        _time = timeProvider ?? TimeProvider.System;
        _observer = observer;
        _buses[EventBus.DefaultName] = new EventBus(EventBus.DefaultName, BusArn(EventBus.DefaultName));
    }

    /// <summary>Raised after any rule is added, changed or removed (the scheduler listens).</summary>
    public event Action? RulesChanged;

    public EventRouterOptions Options => _options;

    public TimeProvider TimeProvider => _time;

    // ---- Buses ----

    public EventBus CreateEventBus(string name, IEventArchive? archive = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ResourceNames.RequireBusName(name);
        lock (_gate)
        {
            if (_buses.ContainsKey(name))
            {
                throw new EventBridgeException("ResourceAlreadyExistsException", $"Event bus {name} already exists.");
            }
            var bus = new EventBus(name, BusArn(name), archive);
            _buses[name] = bus;
            return bus;
        }
    }

    /// <summary>Attaches an archive to an existing bus (the default bus included).</summary>
    public EventBus SetArchive(string busName, IEventArchive? archive)
    {
        lock (_gate)
        {
            var name = ResourceNames.BusName(busName);
            var existing = RequireBus(name);
            var bus = new EventBus(existing.Name, existing.Arn, archive);
            _buses[name] = bus;
            return bus;
        }
    }

    public EventBus? GetEventBus(string? nameOrArn)
    {
        lock (_gate)
        {
            return _buses.GetValueOrDefault(ResourceNames.BusName(nameOrArn));
        }
    }

    public IReadOnlyList<EventBus> ListEventBuses()
    {
        lock (_gate)
        {
            return [.. _buses.Values.OrderBy(b => b.Name, StringComparer.Ordinal)];
        }
    }

    public void DeleteEventBus(string name)
    {
        if (name == EventBus.DefaultName)
        {
            throw EventBridgeException.Validation("Cannot delete event bus default.");
        }
        lock (_gate)
        {
            if (_rules.Keys.Any(k => k.Bus == name))
            {
                throw EventBridgeException.Validation($"Event bus {name} still has rules.");
            }
            _buses.Remove(name);
        }
    }

    // ---- Rules and targets ----

    /// <summary>Adds or replaces a rule as given (targets included). Returns the stored rule with its ARN.</summary>
    public EventRule PutRule(EventRule rule) => StoreRule(rule, keepExistingTargets: false);

    private EventRule StoreRule(EventRule rule, bool keepExistingTargets)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ResourceNames.RequireRuleName(rule.Name);
        var busName = ResourceNames.BusName(rule.EventBusName);
        if (rule.Pattern is null && rule.Schedule is null)
        {
            throw EventBridgeException.Validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (rule.Schedule is not null && busName != EventBus.DefaultName)
        {
            throw EventBridgeException.Validation("ScheduleExpression is supported only on the default event bus.");
        }
        ValidateTargets(rule.Targets);
        EventRule stored;
        lock (_gate)
        {
            RequireBus(busName);
            // Read and write under one lock: a PutTargets landing in between would otherwise be overwritten.
            var targets = keepExistingTargets && _rules.TryGetValue((busName, rule.Name), out var existing) ? existing.Targets : rule.Targets;
            stored = rule with { EventBusName = busName, Arn = RuleArn(busName, rule.Name), Targets = targets };
            _rules[(busName, rule.Name)] = stored;
        }
        OnRulesChanged();
        return stored;
    }

    /// <summary>The PutRule API: pattern and schedule as text; existing targets are kept.</summary>
    public EventRule PutRule(string name, string? eventBusName, string? eventPatternJson, string? scheduleExpression,
        string? state = null, string? description = null)
    {
        ResourceNames.RequireRuleName(name);
        EventPattern? pattern = null;
        if (eventPatternJson is not null)
        {
            RequirePatternLength(eventPatternJson);
            try
            {
                pattern = EventPattern.Parse(eventPatternJson);
            }
            catch (InvalidEventPatternException ex)
            {
                throw new EventBridgeException(InvalidEventPatternException.ErrorCode, ex.Message);
            }
        }
        var schedule = scheduleExpression is null ? null : ScheduleExpression.Parse(scheduleExpression);
        return StoreRule(new EventRule
        {
            Name = name,
            EventBusName = ResourceNames.BusName(eventBusName),
            Pattern = pattern,
            Schedule = schedule,
            State = EventRule.ParseState(state),
            Description = description,
        }, keepExistingTargets: true);
    }

    public EventRule? DescribeRule(string name, string? eventBusName = null)
    {
        lock (_gate)
        {
            return _rules.GetValueOrDefault((ResourceNames.BusName(eventBusName), name));
        }
    }

    /// <summary>Rules of a bus (default bus when null), optionally filtered by name prefix, ordered by name.</summary>
    public IReadOnlyList<EventRule> ListRules(string? eventBusName = null, string? namePrefix = null)
    {
        var busName = ResourceNames.BusName(eventBusName);
        lock (_gate)
        {
            RequireBus(busName);
            return [.. _rules.Values
                .Where(r => r.EventBusName == busName && (namePrefix is null || r.Name.StartsWith(namePrefix, StringComparison.Ordinal)))
                .OrderBy(r => r.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>All enabled rules with a schedule expression.</summary>
    public IReadOnlyList<EventRule> ScheduledRules()
    {
        lock (_gate)
        {
            return [.. _rules.Values.Where(r => r.Schedule is not null && r.IsEnabled)];
        }
    }

    public void DeleteRule(string name, string? eventBusName = null)
    {
        lock (_gate)
        {
            var key = (ResourceNames.BusName(eventBusName), name);
            if (_rules.TryGetValue(key, out var rule) && rule.Targets.Count > 0)
            {
                throw EventBridgeException.Validation("Rule can't be deleted since it has targets.");
            }
            _rules.Remove(key);
        }
        OnRulesChanged();
    }

    public EventRule SetRuleState(string name, string? eventBusName, RuleState state) =>
        UpdateRule(name, eventBusName, rule => rule with { State = state });

    /// <summary>Adds or replaces targets by id.</summary>
    public EventRule PutTargets(string ruleName, string? eventBusName, IReadOnlyList<RuleTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ValidateTargets(targets);
        return UpdateRule(ruleName, eventBusName, rule =>
        {
            var merged = rule.Targets.Where(t => targets.All(n => n.Id != t.Id)).Concat(targets).ToList();
            if (merged.Count > MaxTargetsPerRule)
            {
                throw new EventBridgeException("LimitExceededException", "The requested resource exceeds the maximum number allowed.");
            }
            return rule with { Targets = merged };
        });
    }

    public EventRule RemoveTargets(string ruleName, string? eventBusName, IReadOnlyCollection<string> targetIds)
    {
        ArgumentNullException.ThrowIfNull(targetIds);
        return UpdateRule(ruleName, eventBusName, rule => rule with { Targets = [.. rule.Targets.Where(t => !targetIds.Contains(t.Id))] });
    }

    // ---- Events ----

    /// <summary>
    /// Validates each entry, returns its EventId or error at once, and delivers accepted events to the targets of
    /// matching enabled rules in the background. Request-level problems throw <see cref="EventBridgeException"/>.
    /// </summary>
    public PutEventsResult PutEvents(IReadOnlyList<PutEventsEntry> entries)
    {
        PutEventsValidator.ValidateRequest(entries);
        var results = new List<PutEventsResultEntry>(entries.Count);
        foreach (var entry in entries)
        {
            results.Add(Accept(entry));
        }
        return new PutEventsResult(results.Count(r => !r.IsSuccess), results);
    }

    /// <summary>
    /// The TestEventPattern API: the event must be a JSON object with id, account, source, time, region and detail-type
    /// (ValidationException otherwise); an invalid pattern throws InvalidEventPatternException.
    /// </summary>
    public static bool TestEventPattern(string eventJson, string patternJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        ArgumentNullException.ThrowIfNull(patternJson);
        RequirePatternLength(patternJson);
        EventPattern pattern;
        try
        {
            pattern = EventPattern.Parse(patternJson);
        }
        catch (InvalidEventPatternException ex)
        {
            throw new EventBridgeException(InvalidEventPatternException.ErrorCode, ex.Message);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson);
        }
        catch (JsonException)
        {
            throw EventBridgeException.Validation("Parameter Event is not valid.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw EventBridgeException.Validation("Parameter Event is not valid.");
            }
            // The API reference also lists "resources", but AWS evaluates events without it, so it is not required here.
            foreach (var field in new[] { "id", "account", "source", "time", "region", "detail-type" })
            {
                if (!root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
                {
                    throw EventBridgeException.Validation($"Parameter Event is not valid. Reason: Provided Event is missing required field \"{field}\".");
                }
            }
            if (!DateTimeOffset.TryParse(root.GetProperty("time").GetString(), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out _))
            {
                throw EventBridgeException.Validation("Parameter Event is not valid. Reason: \"time\" is not a valid timestamp.");
            }
            return pattern.Matches(root);
        }
    }

    /// <summary>Delivers the "Scheduled Event" of a scheduled rule to its targets.</summary>
    public string DispatchScheduledEvent(EventRule rule, DateTimeOffset scheduledTime)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var eventId = Guid.NewGuid().ToString();
        var eventJson = EventEnvelope.BuildScheduled(eventId, _options.Account, _options.Region, scheduledTime, rule.Arn);
        Notify(o => o.OnEventReceived(eventId, rule.EventBusName, [rule.Name]));
        StartDeliveries(eventId, eventJson, [rule], _time.GetUtcNow());
        return eventId;
    }

    /// <summary>Completes when no delivery (including pending retries) is in flight.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Number of deliveries in flight (including those waiting to retry).</summary>
    public int PendingDeliveries => _inFlight.Count;

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Deliveries stop at shutdown by design.
        }
        _shutdown.Dispose();
    }

    private PutEventsResultEntry Accept(PutEventsEntry entry)
    {
        if (PutEventsValidator.ValidateEntry(entry) is { } failure)
        {
            return failure;
        }
        var busName = ResourceNames.BusName(entry.EventBusName);
        EventBus? bus;
        List<EventRule> candidates;
        lock (_gate)
        {
            bus = _buses.GetValueOrDefault(busName);
            candidates = [.. _rules.Values.Where(r => r.EventBusName == busName && r.IsEnabled && r.Pattern is not null)];
        }
        if (bus is null)
        {
            return PutEventsResultEntry.Failure("ResourceNotFoundException", $"Event bus {busName} does not exist.");
        }
        var eventId = Guid.NewGuid().ToString();
        var receivedAt = _time.GetUtcNow();
        var eventJson = EventEnvelope.Build(entry, eventId, _options.Account, _options.Region, receivedAt);
        bus.Archive?.Append(eventJson);
        List<EventRule> matched;
        using (var document = JsonDocument.Parse(eventJson))
        {
            matched = [.. candidates.Where(r => r.Pattern!.Matches(document.RootElement)).OrderBy(r => r.Name, StringComparer.Ordinal)];
        }
        Notify(o => o.OnEventReceived(eventId, busName, [.. matched.Select(r => r.Name)]));
        StartDeliveries(eventId, eventJson, matched, receivedAt);
        return PutEventsResultEntry.Success(eventId);
    }

    private void StartDeliveries(string eventId, string eventJson, IReadOnlyList<EventRule> rules, DateTimeOffset ingestionTime)
    {
        foreach (var rule in rules)
        {
            foreach (var target in rule.Targets)
            {
                var delivery = new TargetDelivery(this, new EventDelivery(eventId, eventJson, rule, target, 1, ingestionTime));
                var task = Task.Run(() => delivery.RunAsync(_shutdown.Token));
                _inFlight.TryAdd(task, 0);
                task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    internal ITargetInvoker Invoker => _invoker;

    internal IDeadLetterSink? DeadLetters => _deadLetters;

    internal void Notify(Action<IEventRouterObserver> action)
    {
        if (_observer is null)
        {
            return;
        }
        try
        {
            action(_observer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failing log sink must never break routing.
        }
    }

    private EventRule UpdateRule(string name, string? eventBusName, Func<EventRule, EventRule> update)
    {
        EventRule updated;
        lock (_gate)
        {
            var key = (ResourceNames.BusName(eventBusName), name);
            if (!_rules.TryGetValue(key, out var rule))
            {
                throw EventBridgeException.NotFound($"Rule {name} does not exist on EventBus {key.Item1}.");
            }
            updated = update(rule);
            _rules[key] = updated;
        }
        OnRulesChanged();
        return updated;
    }

    private static void ValidateTargets(IReadOnlyList<RuleTarget> targets)
    {
        if (targets.Count > MaxTargetsPerRule)
        {
            throw new EventBridgeException("LimitExceededException", "The requested resource exceeds the maximum number allowed.");
        }
        foreach (var target in targets)
        {
            ResourceNames.RequireRuleName(target.Id, "targets.id");
            if (string.IsNullOrEmpty(target.Arn))
            {
                throw EventBridgeException.Validation($"Target {target.Id}: Arn is required.");
            }
            TargetInput.Validate(target);
        }
        var duplicate = targets.GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw EventBridgeException.Validation($"Target id {duplicate.Key} is used more than once.");
        }
    }

    private static void RequirePatternLength(string pattern)
    {
        if (pattern.Length > MaxEventPatternLength)
        {
            throw EventBridgeException.Validation(
                $"1 validation error detected: Value at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to {MaxEventPatternLength}");
        }
    }

    private EventBus RequireBus(string name) =>
        _buses.GetValueOrDefault(name) ?? throw EventBridgeException.NotFound($"Event bus {name} does not exist.");

    private void OnRulesChanged() => RulesChanged?.Invoke();

    private string BusArn(string name) => $"arn:aws:events:{_options.Region}:{_options.Account}:event-bus/{name}";

    private string RuleArn(string bus, string name) => bus == EventBus.DefaultName
        ? $"arn:aws:events:{_options.Region}:{_options.Account}:rule/{name}"
        : $"arn:aws:events:{_options.Region}:{_options.Account}:rule/{bus}/{name}";
}
