using System.Globalization;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Clock;

/// <summary>
/// A virtual clock for replays: it stands still until its owner (the trading day in replay mode) moves it forward with
/// <see cref="AdvanceTo"/>. <see cref="TimeProvider"/> is the same time as a <see cref="System.TimeProvider"/> for the
/// paper broker and anything else that takes one; its timers (and so <c>Task.Delay(…, provider)</c>) fire when the
/// clock is advanced past their due time, on the advancing thread, in due order. Thread-safe; time never goes back.
/// </summary>
public sealed class ReplayMarketClock : IMarketClock
{
    private readonly Lock _gate = new();
    private readonly Lock _advancing = new(); // one advance at a time, so timers fire in order
    private readonly List<ReplayTimer> _timers = [];
    private readonly ReplayTimeProvider _provider;
    private DateTimeOffset _now;
    private long _sequence;

    public ReplayMarketClock(IMarketCalendar calendar, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
        _now = start.ToUniversalTime();
        _provider = new ReplayTimeProvider(this);
    }

    public IMarketCalendar Calendar { get; }

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate) return _now;
        }
    }

    /// <summary>This clock as a <see cref="System.TimeProvider"/> (UTC local zone, virtual timers and timestamps).</summary>
    public TimeProvider TimeProvider => _provider;

    /// <summary>Timers waiting for the clock to reach them.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate) return _timers.Count;
        }
    }

    /// <summary>
    /// Moves the clock to <paramref name="instant"/>, firing every timer due on the way at its own due time. Throws naming
    /// both instants when <paramref name="instant"/> is earlier than now (a replay only moves forward).
    /// </summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var target = instant.ToUniversalTime();
        lock (_advancing)
        {
            lock (_gate)
            {
                if (target < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(instant), instant, string.Create(CultureInfo.InvariantCulture,
                        $"The replay clock is at {_now:O} and cannot go back to {target:O}. Fix: advance only forward; start a new clock for an earlier replay."));
                }
            }
            while (NextDue(target) is { } timer)
            {
                timer.Fire();
            }
            lock (_gate) _now = target;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/> (not negative).</summary>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A replay clock only moves forward; give a positive duration.");
        AdvanceTo(UtcNow + duration);
    }

    // The earliest timer due at or before target (ties in creation order), with the clock moved to its due time.
    private ReplayTimer? NextDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            ReplayTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.Due > target) continue;
                if (next is null || timer.Due < next.Due || (timer.Due == next.Due && timer.Sequence < next.Sequence)) next = timer;
            }
            if (next is null) return null;
            if (next.Due > _now) _now = next.Due;
            if (next.Period is { } period) next.Reschedule(_now + period, _sequence++);
            else _timers.Remove(next);
            return next;
        }
    }

    internal ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ReplayTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private bool Arm(ReplayTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time is not negative (or Timeout.InfiniteTimeSpan).");
        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period is not negative (or Timeout.InfiniteTimeSpan).");
        lock (_gate)
        {
            if (timer.Disposed) return false;
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan) return true;
            // Like System.Threading.Timer: a zero or infinite period fires once.
            TimeSpan? repeat = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            timer.Arm(_now + dueTime, repeat, _sequence++);
            _timers.Add(timer);
            return true;
        }
    }

    private void Dispose(ReplayTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            _timers.Remove(timer);
        }
    }

    /// <summary>A timer on virtual time; its callback runs on the thread that advances the clock.</summary>
    private sealed class ReplayTimer(ReplayMarketClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; private set; }

        public TimeSpan? Period { get; private set; }

        public long Sequence { get; private set; }

        // Read and written under the clock's lock only.
        public bool Disposed { get; set; }

        public void Arm(DateTimeOffset due, TimeSpan? period, long sequence)
        {
            Due = due;
            Period = period;
            Sequence = sequence;
        }

        public void Reschedule(DateTimeOffset due, long sequence)
        {
            Due = due;
            Sequence = sequence;
        }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => clock.Arm(this, dueTime, period);

        public void Dispose() => clock.Dispose(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The clock seen as a <see cref="System.TimeProvider"/>.</summary>
    private sealed class ReplayTimeProvider(ReplayMarketClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.UtcNow;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        // Ticks of virtual time, so elapsed-time measurements follow the replay too.
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => clock.UtcNow.UtcTicks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ArgumentNullException.ThrowIfNull(callback);
            return clock.CreateTimer(callback, state, dueTime, period);
        }
    }
}
