namespace ActorTrader.Actors;

/// <summary>
/// Schedules messages and actions (Akka's <c>IScheduler</c>). The system's scheduler is also its clock,
/// so code that asks it for the time runs unchanged under virtual time in tests.
/// </summary>
public interface IScheduler
{
    /// <summary>Wall-clock time, UTC.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Time elapsed since the scheduler started; never goes backwards.</summary>
    TimeSpan MonotonicClock { get; }

    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null);

    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null);

    void ScheduleOnce(TimeSpan delay, Action action, ICancelable? cancelable = null);

    void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable? cancelable = null);
}
