using ActorTrader.Actors;

namespace ActorTrader.Streams.Tests.Time;

public sealed class RestartSourceTests : VirtualTimeStreamTestKit
{
    [Fact]
    public async Task A_failing_source_is_restarted_with_doubling_backoff()
    {
        var probe = CreateTestProbe();
        var starts = 0;
        var timers = Scheduler.PendingCount;
        var stream = RestartSource.WithBackoff(() =>
            {
                var run = Interlocked.Increment(ref starts);
                return Source.Single(run).Concat(Source.Failed<int>(new TimeoutException($"feed dropped in run {run}")));
            }, RestartSettings.Create(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0))
            .RunWith(Sink.ForEach<int>(x => probe.Ref.Tell(x, null)), Materializer);

        await probe.ExpectMsgAsync(1);
        foreach (var (backoff, run) in new[] { (1, 2), (2, 3), (4, 4) })
        {
            await TimersPending(timers + 1);
            Scheduler.Advance(TimeSpan.FromSeconds(backoff) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(timers + 1, Scheduler.PendingCount);
            Scheduler.Advance(TimeSpan.FromMilliseconds(1));
            await probe.ExpectMsgAsync(run);
        }
        Assert.Equal(4, starts);
        Assert.False(stream.IsCompleted);
    }

    [Fact]
    public async Task A_restart_source_gives_up_after_max_restarts()
    {
        var starts = 0;
        var timers = Scheduler.PendingCount;
        var run = RestartSource.OnFailuresWithBackoff(() =>
            {
                Interlocked.Increment(ref starts);
                return Source.Failed<int>(new TimeoutException("down"));
            }, RestartSettings.Create(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0).WithMaxRestarts(2, TimeSpan.FromHours(1)))
            .RunWith(Sink.Seq<int>(), Materializer);

        for (var i = 0; i < 2; i++)
        {
            await TimersPending(timers + 1);
            Scheduler.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Within(run));
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(3, starts);
    }

    [Fact]
    public async Task OnFailuresWithBackoff_ends_when_the_source_completes()
    {
        var starts = 0;
        var result = await Within(RestartSource.OnFailuresWithBackoff(() =>
            {
                Interlocked.Increment(ref starts);
                return Source.From([1, 2]);
            }, RestartSettings.Create(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0))
            .RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2], result);
        Assert.Equal(1, starts);
    }
}
