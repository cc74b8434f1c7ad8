namespace ActorTrader.TestKit.Time;

/// <summary>
/// A clock that moves only when the test calls <see cref="Advance"/>; timers due by then fire in order, on the
/// caller's thread. <see cref="WaitForActiveTimerAsync"/> lets a test await the moment code starts waiting.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>Starts at 2024-03-04 14:30 UTC, the US market open of an ordinary Monday.</summary>
    public ManualTimeProvider()
        : this(new DateTimeOffset(2024, 3, 4, 14, 30, 0, TimeSpan.Zero))
    {
    }

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TaskCompletionSource> _timerWaiters = [];
    private DateTimeOffset _now = start;
    private long _elapsedTicks;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _elapsedTicks;
    }

    public int ActiveTimerCount
    {
        get
        {
            lock (_gate) return _timers.Count(t => t.DueAt is not null);
        }
    }

    /// <summary>Completes once some timer is scheduled (at once if one already is).</summary>
    public Task WaitForActiveTimerAsync()
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.DueAt is not null)) return Task.CompletedTask;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _timerWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_gate) target = _elapsedTicks + by.Ticks;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    MoveTo(target);
                    return;
                }
                MoveTo(next.DueAt!.Value);
                next.DueAt = next.Period > TimeSpan.Zero ? _elapsedTicks + next.Period.Ticks : null;
            }
            next.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private void MoveTo(long elapsedTicks)
    {
        _now += TimeSpan.FromTicks(elapsedTicks - _elapsedTicks);
        _elapsedTicks = elapsedTicks;
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<TaskCompletionSource> released;
        lock (_gate)
        {
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _elapsedTicks + dueTime.Ticks;
            if (timer.DueAt is null) return;
            released = [.. _timerWaiters];
            _timerWaiters.Clear();
        }
        foreach (var waiter in released) waiter.SetResult();
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
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
