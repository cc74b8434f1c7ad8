namespace ActorTrader.Actors;

/// <summary>Keyed timers of one actor; each start bumps a generation so stale ticks are recognised and dropped.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Timer> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer)) timer.Task.Cancel();
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values) timer.Task.Cancel();
        _timers.Clear();
    }

    /// <summary>Returns the user message for a live timer tick, or null for a stale one.</summary>
    public object? Intercept(TimerTick tick)
    {
        if (!ReferenceEquals(tick.Owner, this) || !_timers.TryGetValue(tick.Key, out var timer) || timer.Generation != tick.Generation)
            return null;
        if (!timer.Repeating) _timers.Remove(tick.Key);
        return timer.Message;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var generation = ++_generation;
        var tick = new TimerTick(key, generation, this, message is INotInfluenceReceiveTimeout);
        var task = new Cancelable();
        if (interval is { } period) cell.System.Scheduler.ScheduleTellRepeatedly(delay, period, cell.Self, tick, cell.Self, task);
        else cell.System.Scheduler.ScheduleTellOnce(delay, cell.Self, tick, cell.Self, task);
        _timers[key] = new Timer(message, generation, interval is not null, task);
    }

    private sealed record Timer(object Message, int Generation, bool Repeating, Cancelable Task);
}

/// <summary>The message a timer sends to its actor; unwrapped by the runtime.</summary>
internal sealed record TimerTick(object Key, int Generation, TimerScheduler Owner, bool NotInfluenceReceiveTimeout)
    : IAutoReceivedMessage, IDeadLetterSuppression;
