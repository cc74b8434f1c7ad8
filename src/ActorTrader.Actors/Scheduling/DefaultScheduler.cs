using System.Collections.Concurrent;
using System.Diagnostics;
using Serilog;

namespace ActorTrader.Actors;

/// <summary>
/// Real-time scheduler on .NET timers (the runtime's timer queue, about 1 ms resolution). A scheduled
/// action that throws is logged and does not stop the scheduler; disposing it cancels every pending item,
/// and nothing scheduled afterwards runs.
/// </summary>
public sealed class DefaultScheduler : SchedulerBase, IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger? _logger;
    private readonly long _startTimestamp;
    private readonly ConcurrentDictionary<TimerState, byte> _pending = new();
    private volatile bool _disposed;

    public DefaultScheduler(TimeProvider? time = null, ILogger? logger = null)
    {
        _time = time ?? TimeProvider.System;
        _logger = logger;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    public override DateTimeOffset Now => _time.GetUtcNow();

    public override TimeSpan MonotonicClock => Stopwatch.GetElapsedTime(_startTimestamp);

    /// <summary>Items scheduled and neither run (once) nor cancelled.</summary>
    public int PendingCount => _pending.Count;

    protected override void Schedule(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        if (_disposed || cancelable?.IsCancellationRequested == true) return;
        var state = new TimerState(this, action, cancelable, once: interval is null);
        _pending[state] = 0;
        // Register first: a cancel that races with creating the timer then always finds something to dispose.
        if (cancelable is not null) state.Registration = cancelable.Token.Register(static s => ((TimerState)s!).Dispose(), state);
        state.Start(_time, delay, interval ?? Timeout.InfiniteTimeSpan);
        if (_disposed) state.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var state in _pending.Keys) state.Dispose();
    }

    private sealed class TimerState(DefaultScheduler owner, Action action, ICancelable? cancelable, bool once)
    {
        private readonly Lock _gate = new();
        private ITimer? _timer;
        private bool _disposed;

        public CancellationTokenRegistration Registration { get; set; }

        public void Start(TimeProvider time, TimeSpan delay, TimeSpan period)
        {
            lock (_gate)
            {
                if (_disposed) return;
                // An ITimer from TimeProvider stays rooted while scheduled; _pending keeps this state alive too.
                _timer = time.CreateTimer(static s => ((TimerState)s!).Fire(), this, delay, period);
            }
        }

        private void Fire()
        {
            if (owner._disposed || cancelable?.IsCancellationRequested == true)
            {
                Dispose();
                return;
            }
            if (once) Dispose();
            try
            {
                action();
            }
            catch (Exception e)
            {
                owner._logger?.Error(e, "A scheduled action threw {ExceptionType}: {Message}; the scheduler carries on", e.GetType().Name, e.Message);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                _timer?.Dispose();
            }
            Registration.Dispose();
            owner._pending.TryRemove(this, out _);
        }
    }
}
