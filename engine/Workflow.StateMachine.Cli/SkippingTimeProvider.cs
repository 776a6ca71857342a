namespace Workflow.StateMachine.Cli;

/// <summary>
/// A clock for trying definitions by hand: when the execution only waits for timers, it jumps to the earliest
/// one, so Wait states, retry back-off and timeouts finish at once (in due-time order).
/// </summary>
internal sealed class SkippingTimeProvider : TimeProvider, IDisposable
{
    private readonly Lock gate = new();
    private readonly List<Entry> timers = [];
    private readonly CancellationTokenSource stop = new();
    private DateTimeOffset now;
    private long version;

    public SkippingTimeProvider(DateTimeOffset start)
    {
        now = start;
        _ = Task.Run(PumpAsync);
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
        var entry = new Entry(this, callback, state);
        entry.Change(dueTime, period);
        return entry;
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

            List<Entry> due;
            lock (gate)
            {
                if (timers.Count == 0 || version != seen)
                {
                    seen = version;
                    continue;
                }

                var earliest = timers.Min(t => t.Due);
                now = earliest > now ? earliest : now;
                due = [.. timers.Where(t => t.Due <= now)];
                foreach (var entry in due)
                {
                    timers.Remove(entry);
                    entry.Rearm();
                }

                version++;
                seen = version;
            }

            foreach (var entry in due)
            {
                ThreadPool.QueueUserWorkItem(static e => e.Fire(), entry, preferLocal: false);
            }
        }
    }

    private sealed class Entry(SkippingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var fireNow = false;
            lock (owner.gate)
            {
                owner.timers.Remove(this);
                owner.version++;
                this.period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                Due = owner.now + dueTime;
                if (dueTime <= TimeSpan.Zero)
                {
                    fireNow = true;
                    Rearm();
                }
                else
                {
                    owner.timers.Add(this);
                }
            }

            if (fireNow)
            {
                ThreadPool.QueueUserWorkItem(static e => e.Fire(), this, preferLocal: false);
            }

            return true;
        }

        /// <summary>Called under the owner's lock after firing: periodic timers go back in the queue.</summary>
        public void Rearm()
        {
            if (period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            {
                Due = owner.now + period;
                owner.timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner.gate)
            {
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
