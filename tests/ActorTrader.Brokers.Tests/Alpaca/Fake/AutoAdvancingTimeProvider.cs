using System.Collections.Concurrent;

namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>
/// A virtual clock that jumps ahead whenever code waits on it: a timer moves the clock by its due time and fires at
/// once on the thread pool. <see cref="Waits"/> records every wait, so a test can check a backoff or a Retry-After
/// without spending the time.
/// </summary>
internal sealed class AutoAdvancingTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private DateTimeOffset _now = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _ticks;
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
            _ticks += wait.Ticks;
        }
    }

    private sealed class ImmediateTimer(AutoAdvancingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Volatile.Read(ref _disposed) == 1) return true;
            owner.Elapse(dueTime);
            // On the pool, never inside CreateTimer: the caller has not stored the timer yet.
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
