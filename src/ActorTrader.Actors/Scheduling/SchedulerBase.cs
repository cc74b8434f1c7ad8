namespace ActorTrader.Actors;

/// <summary>
/// Implements every scheduling call on one primitive, so a scheduler (real or virtual time)
/// only decides when an action runs.
/// </summary>
public abstract class SchedulerBase : IScheduler
{
    public abstract DateTimeOffset Now { get; }

    public abstract TimeSpan MonotonicClock { get; }

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/>, then every <paramref name="interval"/> if given, until cancelled.</summary>
    protected abstract void Schedule(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable);

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        Schedule(Clamp(delay), null, () => receiver.Tell(message, sender), cancelable);
    }

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        Schedule(Clamp(initialDelay), CheckInterval(interval), () => receiver.Tell(message, sender), cancelable);
    }

    public void ScheduleOnce(TimeSpan delay, Action action, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Schedule(Clamp(delay), null, action, cancelable);
    }

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Schedule(Clamp(initialDelay), CheckInterval(interval), action, cancelable);
    }

    private static TimeSpan Clamp(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;

    private static TimeSpan CheckInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero
            ? interval
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeating schedule needs a positive interval.");
}
