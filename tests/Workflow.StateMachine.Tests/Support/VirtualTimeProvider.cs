namespace Workflow.StateMachine.Tests.Support;

/// <summary>
/// A clock that only moves when the code under test is waiting: once no timer was created, changed or fired for a
/// moment, it jumps to the earliest pending timer and fires it. Waits, retry back-off and timeouts take no real time,
/// and timers still fire in due-time order (a 5 s timeout fires before a 10 s delay).
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider, IDisposable
{
    private readonly Lock gate = new();
    private readonly List<VirtualTimer> timers = [];
    private readonly CancellationTokenSource stop = new();
    private DateTimeOffset now;
    private long version;

    /// <param name="start">The clock's first reading.</param>
    /// <param name="autoAdvance">False for a clock that moves only through <see cref="Advance"/>, for tests that must
    /// act at an exact moment while a timer is pending.</param>
    public VirtualTimeProvider(DateTimeOffset start, bool autoAdvance = true)
    {
        now = start;
        if (autoAdvance)
        {
            _ = Task.Run(PumpAsync);
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by hand, firing the timers that fall due.</summary>
    public void Advance(TimeSpan delta)
    {
        lock (gate)
        {
            now += delta;
            version++;
        }

        FireDue();
    }

    public void Dispose() => stop.Cancel();

    private async Task PumpAsync()
    {
        var seen = -1L;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(1, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (gate)
            {
                if (timers.Count == 0 || version != seen)
                {
                    seen = version;
                    continue;
                }

                var earliest = timers.Min(t => t.Due);
                if (earliest > now)
                {
                    now = earliest;
                }

                version++;
                seen = version;
            }

            FireDue();
        }
    }

    private void FireDue()
    {
        List<VirtualTimer> due;
        lock (gate)
        {
            due = [.. timers.Where(t => t.Due <= now).OrderBy(t => t.Due)];
            foreach (var timer in due)
            {
                timers.Remove(timer);
                timer.Rearm(now);
                if (timer.Active)
                {
                    timers.Add(timer);
                }
            }
        }

        foreach (var timer in due)
        {
            ThreadPool.QueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset Due { get; private set; }

        public bool Active { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var fireNow = false;
            lock (owner.gate)
            {
                owner.timers.Remove(this);
                this.period = period;
                owner.version++;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    Active = false;
                    return true;
                }

                Active = true;
                Due = owner.now + dueTime;
                if (dueTime <= TimeSpan.Zero)
                {
                    fireNow = true;
                    Rearm(owner.now);
                    if (Active)
                    {
                        owner.timers.Add(this);
                    }
                }
                else
                {
                    owner.timers.Add(this);
                }
            }

            if (fireNow)
            {
                ThreadPool.QueueUserWorkItem(static t => t.Fire(), this, preferLocal: false);
            }

            return true;
        }

        public void Rearm(DateTimeOffset at)
        {
            if (period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero)
            {
                Active = false;
            }
            else
            {
                Due = at + period;
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner.gate)
            {
                Active = false;
                owner.timers.Remove(this);
                owner.version++;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
