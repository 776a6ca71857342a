using System.Diagnostics;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// A clock for the whole runtime that tests can move forward. A running clock follows real time plus the skipped
/// amount (so retries and function timeouts behave normally); a frozen clock only moves when told, which parks
/// every timer-based wait (retry back-off, task timeouts) until <see cref="Advance"/>. Timers created through it
/// (Task.Delay, CancellationTokenSource and WaitAsync with a TimeProvider) fire as soon as their due time is reached
/// on this clock, including when <see cref="Advance"/> jumps past it.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<TestTimer> _timers = [];
    private readonly DateTimeOffset? _frozenAt;
    private readonly long _frozenTimestamp;
    private TimeSpan _skipped;

    private TestClock(DateTimeOffset? frozenAt)
    {
        _frozenAt = frozenAt;
        _frozenTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Real time, plus whatever <see cref="Advance"/> skipped.</summary>
    public static TestClock Running() => new(null);

    /// <summary>Stands still at the current real time until <see cref="Advance"/> moves it.</summary>
    public static TestClock Frozen() => new(DateTimeOffset.UtcNow);

    public bool IsFrozen => _frozenAt is not null;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return (_frozenAt ?? DateTimeOffset.UtcNow) + _skipped;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            var baseTimestamp = IsFrozen ? _frozenTimestamp : Stopwatch.GetTimestamp();
            return baseTimestamp + (long)(_skipped.TotalSeconds * Stopwatch.Frequency);
        }
    }

    /// <summary>Moves the clock forward; every timer that became due fires.</summary>
    public void Advance(TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        TestTimer[] timers;
        lock (_gate)
        {
            _skipped += amount;
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Rearm();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TestTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void Remove(TestTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>
    /// A timer due at a point of this clock's time. In a running clock a real timer wakes it when real time reaches that
    /// point; <see cref="Rearm"/> (after a skip) fires it at once when the skip passed its due time.
    /// </summary>
    private sealed class TestTimer : ITimer
    {
        private readonly TestClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly Timer _wakeUp;
        private readonly object _gate = new();
        private DateTimeOffset? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public TestTimer(TestClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _wakeUp = new Timer(_ => Rearm(), null, Timeout.Infinite, Timeout.Infinite);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                _period = period;
            }

            Rearm();
            return true;
        }

        /// <summary>Fires when due (once per due time), otherwise sets the real wake-up for a running clock.</summary>
        public void Rearm()
        {
            bool fire;
            lock (_gate)
            {
                if (_disposed || _dueAt is not { } due)
                {
                    return;
                }

                var remaining = due - _clock.GetUtcNow();
                fire = remaining <= TimeSpan.Zero;
                if (fire)
                {
                    _dueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : due + _period;
                }
                else if (!_clock.IsFrozen)
                {
                    var wait = remaining > TimeSpan.FromDays(40) ? TimeSpan.FromDays(40) : remaining;
                    _wakeUp.Change(wait + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                }
            }

            if (fire)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    _callback(_state);
                    Rearm();
                }, null);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _dueAt = null;
            }

            _wakeUp.Dispose();
            _clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
