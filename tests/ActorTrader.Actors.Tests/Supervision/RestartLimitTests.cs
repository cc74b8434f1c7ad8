namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>maxNrOfRetries within withinTimeRange, on virtual time so the window is exact.</summary>
public sealed class RestartLimitTests : TestKit.TestKit
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public RestartLimitTests() : base(new TestKit.TestKitSettings { VirtualTime = true }) { }

    private async Task<IActorRef> StartAsync(SupervisorStrategy strategy, TestKit.TestProbe probe)
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy, probe.Ref), "supervisor");
        supervisor.Tell(new CreateChild(Counter.Props(probe.Ref, "child"), "child"), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        await probe.ExpectMsgAsync(new Started("child", 1));
        return child;
    }

    private async Task FailAndExpectRestartAsync(IActorRef child, TestKit.TestProbe probe, int nextInstance)
    {
        child.Tell(new Fail(new InvalidOperationException("failure before instance " + nextInstance)), TestActor);
        await probe.FishForMessageAsync<Started>(s => s.Instance == nextInstance);
    }

    private async Task FailAndExpectStopAsync(IActorRef child, TestKit.TestProbe probe)
    {
        child.Tell(new Fail(new InvalidOperationException("one failure too many")), TestActor);
        var next = await probe.FishForMessageAsync(m => m is ChildTerminated or Started);
        var terminated = Assert.IsType<ChildTerminated>(next); // stopped, not started again
        Assert.Equal(child, terminated.Child);
    }

    [Fact]
    public async Task Child_is_stopped_after_maxNrOfRetries_restarts_within_the_window()
    {
        var probe = CreateTestProbe();
        var child = await StartAsync(new OneForOneStrategy(2, Window, _ => Directive.Restart), probe);
        await FailAndExpectRestartAsync(child, probe, 2);
        await FailAndExpectRestartAsync(child, probe, 3);

        await FailAndExpectStopAsync(child, probe);
    }

    [Fact]
    public async Task Restarts_outside_the_window_start_a_new_count()
    {
        var probe = CreateTestProbe();
        var child = await StartAsync(new OneForOneStrategy(2, Window, _ => Directive.Restart), probe);
        await FailAndExpectRestartAsync(child, probe, 2);
        await FailAndExpectRestartAsync(child, probe, 3);

        Scheduler.Advance(Window + TimeSpan.FromSeconds(1));

        await FailAndExpectRestartAsync(child, probe, 4);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Failures_spread_inside_the_window_all_count()
    {
        var probe = CreateTestProbe();
        var child = await StartAsync(new OneForOneStrategy(2, Window, _ => Directive.Restart), probe);
        await FailAndExpectRestartAsync(child, probe, 2);
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        await FailAndExpectRestartAsync(child, probe, 3);
        Scheduler.Advance(TimeSpan.FromSeconds(20));

        await FailAndExpectStopAsync(child, probe);
    }

    [Fact]
    public async Task Zero_retries_stops_the_child_on_its_first_failure()
    {
        var probe = CreateTestProbe();
        var child = await StartAsync(new OneForOneStrategy(0, Window, _ => Directive.Restart), probe);

        await FailAndExpectStopAsync(child, probe);
    }

    [Fact]
    public async Task Without_a_window_the_retry_limit_counts_every_restart()
    {
        var probe = CreateTestProbe();
        var child = await StartAsync(new OneForOneStrategy(1, null, _ => Directive.Restart), probe);
        await FailAndExpectRestartAsync(child, probe, 2);

        Scheduler.Advance(TimeSpan.FromHours(1));

        await FailAndExpectStopAsync(child, probe);
    }

    [Fact]
    public async Task Without_a_limit_the_child_is_restarted_every_time()
    {
        var probe = CreateTestProbe();
        var child = await StartAsync(new OneForOneStrategy(null, null, _ => Directive.Restart), probe);

        for (var instance = 2; instance <= 6; instance++) await FailAndExpectRestartAsync(child, probe, instance);

        child.Tell(new Ping(), TestActor);
        await ExpectMsgAsync(new Pong("child"));
    }

    [Fact]
    public async Task AllForOne_counts_retries_within_the_window_too()
    {
        var probe = CreateTestProbe();
        var child = await StartAsync(new AllForOneStrategy(1, Window, _ => Directive.Restart), probe);
        await FailAndExpectRestartAsync(child, probe, 2);

        await FailAndExpectStopAsync(child, probe);
    }
}
