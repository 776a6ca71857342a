namespace Workflow.EventBridge;

/// <summary>
/// Fires scheduled rules through the router using the injected TimeProvider: one timer armed for the earliest due
/// rule, re-armed whenever rules change or a rule fires. Rate rules count from when the scheduler first sees them;
/// missed cron runs are not replayed (the next run is computed from the current time), as in EventBridge.
/// </summary>
public sealed class Scheduler : IDisposable
{
    private readonly EventRouter _router;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Expression, DateTimeOffset Next)> _due = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private bool _disposed;

    public Scheduler(EventRouter router, TimeProvider? timeProvider = null)
    {
        _router = router ?? throw new ArgumentNullException(nameof(router));
        _time = timeProvider ?? router.TimeProvider;
    }

    /// <summary>Begins watching the router's scheduled rules.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_timer is not null)
            {
                return;
            }
            _timer = _time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        _router.RulesChanged += Refresh;
        Refresh();
    }

    /// <summary>The next scheduled time of each enabled scheduled rule, by rule ARN.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> NextRuns
    {
        get
        {
            lock (_gate)
            {
                return _due.ToDictionary(p => p.Key, p => p.Value.Next, StringComparer.Ordinal);
            }
        }
    }

    public void Dispose()
    {
        _router.RulesChanged -= Refresh;
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Refresh()
    {
        var rules = _router.ScheduledRules();
        lock (_gate)
        {
            if (_disposed || _timer is null)
            {
                return;
            }
            var now = _time.GetUtcNow();
            var live = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                live.Add(rule.Arn);
                var expression = rule.Schedule!;
                if (_due.TryGetValue(rule.Arn, out var existing) && existing.Expression == expression.Text)
                {
                    continue;
                }
                if (expression.NextOccurrence(now) is { } next)
                {
                    _due[rule.Arn] = (expression.Text, next);
                }
            }
            foreach (var stale in _due.Keys.Where(k => !live.Contains(k)).ToList())
            {
                _due.Remove(stale);
            }
            Arm(now);
        }
    }

    private void Tick()
    {
        var rules = _router.ScheduledRules().ToDictionary(r => r.Arn, StringComparer.Ordinal);
        var fire = new List<(EventRule Rule, DateTimeOffset At)>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            var now = _time.GetUtcNow();
            foreach (var (arn, (expression, next)) in _due.ToList())
            {
                if (next > now)
                {
                    continue;
                }
                if (!rules.TryGetValue(arn, out var rule))
                {
                    _due.Remove(arn);
                    continue;
                }
                fire.Add((rule, next));
                // Rate rules keep their cadence from the last run; cron rules resume at the next slot after now.
                var following = rule.Schedule is RateSchedule rate
                    ? NextRateRun(next, rate.Interval, now)
                    : rule.Schedule!.NextOccurrence(now);
                if (following is { } f)
                {
                    _due[arn] = (expression, f);
                }
                else
                {
                    _due.Remove(arn);
                }
            }
            Arm(now);
        }
        foreach (var (rule, at) in fire)
        {
            _router.DispatchScheduledEvent(rule, at);
        }
    }

    private static DateTimeOffset NextRateRun(DateTimeOffset last, TimeSpan interval, DateTimeOffset now)
    {
        var next = last + interval;
        if (next <= now)
        {
            var skipped = (long)((now - next).Ticks / interval.Ticks) + 1;
            next += TimeSpan.FromTicks(interval.Ticks * skipped);
        }
        return next;
    }

    private void Arm(DateTimeOffset now)
    {
        if (_timer is null)
        {
            return;
        }
        if (_due.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var earliest = _due.Values.Min(v => v.Next);
        var wait = earliest - now;
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }
}
