using ActorTrader.Streams.Tests.Time;

namespace ActorTrader.Streams.Tests.Acceptance;

/// <summary>Issue 6 acceptance: RestartSource.WithBackoff restarts on completion too, and a kill switch ends the restarts.</summary>
public sealed class RestartSourceAcceptanceTests : VirtualTimeStreamTestKit
{
    [Fact]
    public async Task WithBackoff_restarts_a_source_that_completes_after_the_backoff()
    {
        var probe = CreateTestProbe();
        var starts = 0;
        var timers = Scheduler.PendingCount;
        var run = RestartSource.WithBackoff(() => Source.Single(Interlocked.Increment(ref starts)),
                RestartSettings.Create(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 0))
            .RunWith(Sink.ForEach<int>(x => probe.Ref.Tell(x, null)), Materializer);

        await probe.ExpectMsgAsync(1);
        await TimersPending(timers + 1);
        Scheduler.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(timers + 1, Scheduler.PendingCount);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        await probe.ExpectMsgAsync(2);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task A_kill_switch_during_the_backoff_completes_the_stream_and_starts_no_new_source()
    {
        var starts = 0;
        var timers = Scheduler.PendingCount;
        var (killSwitch, run) = RestartSource.WithBackoff(() =>
                {
                    Interlocked.Increment(ref starts);
                    return Source.Failed<int>(new TimeoutException("down"));
                }, RestartSettings.Create(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0))
            .ViaMaterialized(KillSwitches.Single<int>(), Keep.Right)
            .ToMaterialized(Sink.Seq<int>(), Keep.Both)
            .Run(Materializer);

        await TimersPending(timers + 1);
        killSwitch.Shutdown();

        Assert.Empty(await Within(run));
        // The backoff timer was cancelled with the stream, so no later moment can start another source.
        await TimersPending(timers);
        Scheduler.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Volatile.Read(ref starts));
    }
}
