using ActorTrader.Actors;

namespace ActorTrader.TestKit;

/// <summary>
/// Virtual time: nothing scheduled runs until the test calls <see cref="Advance"/> or <see cref="AdvanceTo"/>,
/// which run every due item in due order (ties in scheduling order). Zero delays run at once.
/// Install with <c>new TestKitSettings { VirtualTime = true }</c> or <c>SchedulerFactory</c>.
/// </summary>
public sealed class TestScheduler : SchedulerBase
{
    /// <summary>The default start of virtual time: a fixed instant, so runs are reproducible.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 14, 30, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly Lock _advancing = new(); // one Advance at a time, so virtual time only moves forward
    private readonly PriorityQueue<Item, (TimeSpan Due, long Sequence)> _queue = new();
    private readonly DateTimeOffset _start;
    private TimeSpan _elapsed;
    private long _sequence;

    public TestScheduler(DateTimeOffset? start = null)
    {
        _start = start ?? DefaultStart;
    }

    public override DateTimeOffset Now
    {
        get
        {
            lock (_gate) return _start + _elapsed;
        }
    }

    public override TimeSpan MonotonicClock
    {
        get
        {
            lock (_gate) return _elapsed;
        }
    }

    /// <summary>Items waiting for virtual time to pass (cancelled ones not counted).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate) return _queue.UnorderedItems.Count(entry => entry.Element.Cancelable?.IsCancellationRequested != true);
        }
    }

    protected override void Schedule(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        if (delay <= TimeSpan.Zero && interval is null)
        {
            if (cancelable?.IsCancellationRequested != true) action();
            return;
        }
        lock (_gate) _queue.Enqueue(new Item(action, interval, cancelable), (_elapsed + delay, _sequence++));
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time cannot go backwards.");
        TimeSpan target;
        lock (_gate) target = _elapsed + by;
        RunUntil(target);
    }

    public void AdvanceTo(DateTimeOffset when)
    {
        TimeSpan target;
        lock (_gate)
        {
            target = when - _start;
            if (target < _elapsed) throw new ArgumentOutOfRangeException(nameof(when), when, $"Virtual time is already at {_start + _elapsed:O}; it cannot go backwards.");
        }
        RunUntil(target);
    }

    private void RunUntil(TimeSpan target)
    {
        lock (_advancing) RunDueItems(target);
    }

    private void RunDueItems(TimeSpan target)
    {
        while (true)
        {
            Item item;
            lock (_gate)
            {
                if (!_queue.TryPeek(out item!, out var key) || key.Due > target) break;
                _queue.Dequeue();
                // An item scheduled by another thread during the last Advance may be due in the past: run it now.
                if (key.Due > _elapsed) _elapsed = key.Due;
                if (item.Interval is { } interval && item.Cancelable?.IsCancellationRequested != true)
                    _queue.Enqueue(item, (_elapsed + interval, _sequence++));
            }
            if (item.Cancelable?.IsCancellationRequested != true) item.Action();
        }
        lock (_gate)
        {
            if (target > _elapsed) _elapsed = target;
        }
    }

    private sealed record Item(Action Action, TimeSpan? Interval, ICancelable? Cancelable);
}
