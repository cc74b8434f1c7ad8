namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>
/// A clock that moves only when the test calls <see cref="Advance"/>; timers due by then fire in due order on the
/// caller's thread. <see cref="WhenTimerScheduled"/> completes when code starts waiting on this clock.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<Timer> _timers = [];
    private readonly List<TaskCompletionSource> _scheduledWaiters = [];
    private DateTimeOffset _now = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _ticks;
    }

    /// <summary>Completes once a timer is pending (at once if one is).</summary>
    public Task WhenTimerScheduled()
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.DueAt is not null)) return Task.CompletedTask;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _scheduledWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_gate) target = _ticks + by.Ticks;
        while (true)
        {
            Timer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    MoveTo(target);
                    return;
                }
                MoveTo(next.DueAt!.Value);
                next.DueAt = next.Period > TimeSpan.Zero ? _ticks + next.Period.Ticks : null;
            }
            next.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private void MoveTo(long ticks)
    {
        _now += TimeSpan.FromTicks(ticks - _ticks);
        _ticks = ticks;
    }

    private void Schedule(Timer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<TaskCompletionSource> released;
        lock (_gate)
        {
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _ticks + dueTime.Ticks;
            if (timer.DueAt is null) return;
            released = [.. _scheduledWaiters];
            _scheduledWaiters.Clear();
        }
        foreach (var waiter in released) waiter.SetResult();
    }

    private void Remove(Timer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class Timer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
