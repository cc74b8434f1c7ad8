using System.Collections.Concurrent;

namespace ActorTrader.TestKit.Time;

/// <summary>
/// A virtual clock that jumps forward whenever code waits on it: each timer fires at once (on the thread pool)
/// after moving the clock by its due time. <see cref="Waits"/> records every wait, so a test can check a backoff
/// or a Retry-After without spending real time.
/// </summary>
public sealed class AutoAdvancingTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>Starts at 2024-03-04 14:30 UTC, the US market open of an ordinary Monday.</summary>
    public AutoAdvancingTimeProvider()
        : this(new DateTimeOffset(2024, 3, 4, 14, 30, 0, TimeSpan.Zero))
    {
    }

    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private DateTimeOffset _now = start;
    private long _elapsedTicks;

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _elapsedTicks;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ImmediateTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Elapse(TimeSpan wait)
    {
        _waits.Enqueue(wait);
        lock (_gate)
        {
            _now += wait;
            _elapsedTicks += wait.Ticks;
        }
    }

    private sealed class ImmediateTimer(AutoAdvancingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Volatile.Read(ref _disposed) == 1) return true;
            owner.Elapse(dueTime);
            // Fired on the pool, never inside CreateTimer: the caller has not stored the timer yet.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (Volatile.Read(ref _disposed) == 0) callback(state);
            });
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
