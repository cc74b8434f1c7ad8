namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>BackoffSupervisor on virtual time: delayed restarts, exponential growth, cap, reset, retry limit.</summary>
public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    private static readonly TimeSpan OneMs = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    public BackoffSupervisorTests() : base(new TestKit.TestKitSettings { VirtualTime = true }) { }

    private sealed record ChildStarted(IActorRef Child);

    private sealed record FailNow;

    private sealed record StopNow;

    /// <summary>The supervised worker: reports its start, fails or stops on request, answers pings.</summary>
    private sealed class Worker : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Worker(IActorRef probe)
        {
            _probe = probe;
            Receive<FailNow>(_ => throw new InvalidOperationException("worker fails"));
            Receive<StopNow>(_ => Context.Stop(Self));
            Receive<Ping>(_ => Sender.Tell(new Pong("worker"), Self));
        }

        protected override void PreStart() => _probe.Tell(new ChildStarted(Self), Self);
    }

    private static Props WorkerProps(TestKit.TestProbe probe) => Props.Create(() => new Worker(probe.Ref));

    private async Task<IActorRef> StartAsync(BackoffOptions options, TestKit.TestProbe probe)
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options), "backoff");
        await probe.ExpectMsgAsync<ChildStarted>();
        return supervisor;
    }

    /// <summary>
    /// Waits until the supervisor reports this restart count: it has then handled the child's Terminated and
    /// scheduled the next start (or, after a start, scheduled its reset), so advancing virtual time is safe.
    /// </summary>
    private Task AwaitRestartCountAsync(IActorRef supervisor, int expected) => AwaitAssertAsync(async () =>
    {
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(expected, (await ExpectMsgAsync<BackoffSupervisor.RestartCount>()).Count);
    });

    /// <summary>Fails the child, then checks that it starts again exactly after <paramref name="delay"/> of virtual time.</summary>
    private async Task FailAndExpectRestartAfterAsync(IActorRef supervisor, TestKit.TestProbe probe, int restartNumber, TimeSpan delay)
    {
        supervisor.Tell(new FailNow(), TestActor);
        await AwaitRestartCountAsync(supervisor, restartNumber);

        Scheduler.Advance(delay - OneMs);
        await probe.ExpectNoMsgAsync(Quiet);
        Scheduler.Advance(OneMs);
        await probe.ExpectMsgAsync<ChildStarted>();
    }

    [Fact]
    public async Task OnFailure_restarts_the_child_after_min_backoff_and_not_before()
    {
        var probe = CreateTestProbe();
        var supervisor = await StartAsync(Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0), probe);

        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Backoff_delay_doubles_with_each_restart()
    {
        var probe = CreateTestProbe();
        var options = Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0)
            .WithAutoReset(TimeSpan.FromHours(1));
        var supervisor = await StartAsync(options, probe);

        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1));
        await FailAndExpectRestartAfterAsync(supervisor, probe, 2, TimeSpan.FromSeconds(2));
        await FailAndExpectRestartAfterAsync(supervisor, probe, 3, TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Backoff_delay_is_capped_at_max_backoff()
    {
        var probe = CreateTestProbe();
        var options = Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), 0)
            .WithAutoReset(TimeSpan.FromHours(1));
        var supervisor = await StartAsync(options, probe);
        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1));
        await FailAndExpectRestartAfterAsync(supervisor, probe, 2, TimeSpan.FromSeconds(2));

        await FailAndExpectRestartAfterAsync(supervisor, probe, 3, TimeSpan.FromSeconds(3)); // 4 s capped to 3 s
        await FailAndExpectRestartAfterAsync(supervisor, probe, 4, TimeSpan.FromSeconds(3)); // 8 s capped to 3 s
    }

    [Fact]
    public async Task Restart_count_resets_after_the_child_ran_for_the_auto_reset_period()
    {
        var probe = CreateTestProbe();
        var options = Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0)
            .WithAutoReset(TimeSpan.FromSeconds(10));
        var supervisor = await StartAsync(options, probe);
        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1));
        await AwaitRestartCountAsync(supervisor, 1); // the reset timer is scheduled with the start

        Scheduler.Advance(TimeSpan.FromSeconds(10));

        await AwaitRestartCountAsync(supervisor, 0);
    }

    [Fact]
    public async Task After_an_auto_reset_the_next_restart_waits_min_backoff_again()
    {
        var probe = CreateTestProbe();
        var options = Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0)
            .WithAutoReset(TimeSpan.FromSeconds(10));
        var supervisor = await StartAsync(options, probe);
        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1));
        await AwaitRestartCountAsync(supervisor, 1);
        Scheduler.Advance(TimeSpan.FromSeconds(10));
        await AwaitRestartCountAsync(supervisor, 0);

        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1)); // not 2 s
    }

    [Fact]
    public async Task A_child_that_fails_again_before_the_reset_period_keeps_its_restart_count()
    {
        var probe = CreateTestProbe();
        var options = Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0)
            .WithAutoReset(TimeSpan.FromSeconds(10));
        var supervisor = await StartAsync(options, probe);
        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1));
        await AwaitRestartCountAsync(supervisor, 1);
        Scheduler.Advance(TimeSpan.FromSeconds(9));

        await FailAndExpectRestartAfterAsync(supervisor, probe, 2, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Supervisor_stops_after_max_nr_of_retries()
    {
        var probe = CreateTestProbe();
        var options = Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0)
            .WithMaxNrOfRetries(1);
        var supervisor = await StartAsync(options, probe);
        Watch(supervisor);
        await FailAndExpectRestartAfterAsync(supervisor, probe, 1, TimeSpan.FromSeconds(1));

        supervisor.Tell(new FailNow(), TestActor);

        await ExpectTerminatedAsync(supervisor);
        Scheduler.Advance(TimeSpan.FromMinutes(2));
        await probe.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task OnStop_restarts_a_child_that_stopped_itself_after_min_backoff()
    {
        var probe = CreateTestProbe();
        var supervisor = await StartAsync(Backoff.OnStop(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0), probe);

        supervisor.Tell(new StopNow(), TestActor);
        await AwaitRestartCountAsync(supervisor, 1);
        Scheduler.Advance(TimeSpan.FromSeconds(1) - OneMs);
        await probe.ExpectNoMsgAsync(Quiet);
        Scheduler.Advance(OneMs);

        await probe.ExpectMsgAsync<ChildStarted>();
    }

    [Fact]
    public async Task OnFailure_supervisor_stops_when_its_child_stops_itself()
    {
        var probe = CreateTestProbe();
        var supervisor = await StartAsync(Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0), probe);
        Watch(supervisor);

        supervisor.Tell(new StopNow(), TestActor);

        await ExpectTerminatedAsync(supervisor);
    }

    [Fact]
    public async Task Messages_to_the_supervisor_are_forwarded_to_the_child_with_the_original_sender()
    {
        var probe = CreateTestProbe();
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(
            Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0)));
        var child = (await probe.ExpectMsgAsync<ChildStarted>()).Child;

        supervisor.Tell(new Ping(), TestActor);

        await ExpectMsgAsync(new Pong("worker"));
        Assert.Equal(child, LastSender);
    }

    [Fact]
    public async Task Messages_are_forwarded_to_the_restarted_child()
    {
        var probe = CreateTestProbe();
        var supervisor = await StartAsync(Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0), probe);
        supervisor.Tell(new FailNow(), TestActor);
        await AwaitRestartCountAsync(supervisor, 1);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        var restarted = (await probe.ExpectMsgAsync<ChildStarted>()).Child;

        supervisor.Tell(new Ping(), TestActor);

        await ExpectMsgAsync(new Pong("worker"));
        Assert.Equal(restarted, LastSender);
    }

    [Fact]
    public async Task GetCurrentChild_replies_with_the_running_child()
    {
        var probe = CreateTestProbe();
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(
            Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0)));
        var child = (await probe.ExpectMsgAsync<ChildStarted>()).Child;

        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);

        var current = await ExpectMsgAsync<BackoffSupervisor.CurrentChild>();
        Assert.Equal(child, current.Ref);
        Assert.Equal("worker", current.Ref!.Path.Name);
    }

    [Fact]
    public async Task GetCurrentChild_replies_with_no_child_while_backing_off()
    {
        var probe = CreateTestProbe();
        var supervisor = await StartAsync(Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0), probe);
        supervisor.Tell(new FailNow(), TestActor);
        await AwaitRestartCountAsync(supervisor, 1);

        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);

        Assert.Null((await ExpectMsgAsync<BackoffSupervisor.CurrentChild>()).Ref);
    }

    [Fact]
    public async Task GetRestartCount_starts_at_zero()
    {
        var probe = CreateTestProbe();
        var supervisor = await StartAsync(Backoff.OnFailure(WorkerProps(probe), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0), probe);

        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);

        Assert.Equal(0, (await ExpectMsgAsync<BackoffSupervisor.RestartCount>()).Count);
    }
}
