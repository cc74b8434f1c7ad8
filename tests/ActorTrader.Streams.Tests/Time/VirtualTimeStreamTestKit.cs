using ActorTrader.TestKit;

namespace ActorTrader.Streams.Tests.Time;

/// <summary>Streams on virtual time: a stage waiting for time shows up as a pending item on the test scheduler.</summary>
public abstract class VirtualTimeStreamTestKit : StreamTestKit
{
    protected VirtualTimeStreamTestKit() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    /// <summary>Waits until exactly <paramref name="count"/> timers are pending (the stage under test is waiting for time).</summary>
    protected Task TimersPending(int count) =>
        AwaitConditionAsync(() => Scheduler.PendingCount == count, message: $"{count} timer(s) pending, found {Scheduler.PendingCount}");
}
