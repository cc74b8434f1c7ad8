namespace ActorTrader.Actors;

/// <summary>
/// Implement on an actor to get keyed timers that send messages to itself. Timers are cancelled
/// on restart and stop, and a message from a cancelled or replaced timer is never delivered,
/// even if it was already queued.
/// </summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}

public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();
}
