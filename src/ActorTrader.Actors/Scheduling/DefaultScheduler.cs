using System.Diagnostics;

namespace ActorTrader.Actors;

/// <summary>Real-time scheduler on .NET timers (the runtime's timer queue, about 1 ms resolution).</summary>
public sealed class DefaultScheduler : SchedulerBase, IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private volatile bool _disposed;

    public DefaultScheduler(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    public override DateTimeOffset Now => _time.GetUtcNow();

    public override TimeSpan MonotonicClock => Stopwatch.GetElapsedTime(_startTimestamp);

    protected override void Schedule(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        if (_disposed || cancelable?.IsCancellationRequested == true) return;
        var state = new TimerState(this, action, cancelable, once: interval is null);
        // An ITimer from TimeProvider stays rooted while scheduled, so no reference needs keeping here.
        state.Timer = _time.CreateTimer(static s => ((TimerState)s!).Fire(), state, delay, interval ?? Timeout.InfiniteTimeSpan);
        if (cancelable is not null) state.Registration = cancelable.Token.Register(static s => ((TimerState)s!).Dispose(), state);
    }

    /// <summary>Stops all pending work: timers that fire afterwards do nothing.</summary>
    public void Dispose() => _disposed = true;

    private sealed class TimerState(DefaultScheduler owner, Action action, ICancelable? cancelable, bool once)
    {
        public ITimer? Timer;
        public CancellationTokenRegistration Registration;

        public void Fire()
        {
            if (owner._disposed || cancelable?.IsCancellationRequested == true)
            {
                Dispose();
                return;
            }
            if (once) Dispose();
            action();
        }

        public void Dispose()
        {
            Timer?.Dispose();
            Registration.Dispose();
        }
    }
}
