namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>
/// Akka's default decider: initialization failures, Kill and death pacts stop the child; any other
/// exception restarts it.
/// </summary>
public sealed class DefaultDeciderTests : TestKit.TestKit
{
    private sealed record Decided(Exception Cause, Directive Directive);

    private sealed class ThrowsInConstructor : ReceiveActor
    {
        public ThrowsInConstructor(IActorRef probe, Exception error)
        {
            probe.Tell("constructing", ActorRefs.NoSender);
            throw error;
        }
    }

    private sealed class ThrowsInPreStart : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly Exception _error;

        public ThrowsInPreStart(IActorRef probe, Exception error)
        {
            _probe = probe;
            _error = error;
        }

        protected override void PreStart()
        {
            _probe.Tell("pre-start", Self);
            throw _error;
        }
    }

    /// <summary>Watches the target but does not handle <see cref="Terminated"/>.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef target)
        {
            Context.Watch(target);
            Receive<Ping>(_ => Sender.Tell(new Pong("watcher"), Self));
        }
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle()
        {
            Receive<Ping>(_ => Sender.Tell(new Pong("idle"), Self));
        }
    }

    /// <summary>The default decider, reporting each decision to the probe.</summary>
    private static OneForOneStrategy RecordingDefaultStrategy(TestKit.TestProbe probe) => new OneForOneStrategy(cause =>
    {
        var directive = SupervisorStrategy.DefaultDecider(cause);
        probe.Ref.Tell(new Decided(cause, directive), ActorRefs.NoSender);
        return directive;
    });

    private async Task<IActorRef> CreateUnderRecordingSupervisorAsync(TestKit.TestProbe probe, Props childProps)
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(RecordingDefaultStrategy(probe), probe.Ref), "supervisor");
        supervisor.Tell(new CreateChild(childProps, "child"), TestActor);
        return await ExpectMsgAsync<IActorRef>();
    }

    [Theory]
    [InlineData(typeof(ActorInitializationException), Directive.Stop)]
    [InlineData(typeof(ActorKilledException), Directive.Stop)]
    [InlineData(typeof(DeathPactException), Directive.Stop)]
    [InlineData(typeof(InvalidOperationException), Directive.Restart)]
    [InlineData(typeof(ArgumentException), Directive.Restart)]
    [InlineData(typeof(TimeoutException), Directive.Restart)]
    public void DefaultDecider_maps_exceptions_to_Akka_directives(Type exceptionType, Directive expected)
    {
        var exception = (Exception)Activator.CreateInstance(exceptionType)!;

        Assert.Equal(expected, SupervisorStrategy.DefaultDecider(exception));
    }

    [Fact]
    public async Task Exception_in_the_constructor_stops_the_actor()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsInConstructor(probe.Ref, new InvalidOperationException("ctor"))));
        Watch(actor);

        await ExpectTerminatedAsync(actor);
        await probe.ExpectMsgAsync("constructing");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // not constructed again
    }

    [Fact]
    public async Task Exception_in_PreStart_stops_the_actor()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsInPreStart(probe.Ref, new InvalidOperationException("pre-start"))));
        Watch(actor);

        await ExpectTerminatedAsync(actor);
        await probe.ExpectMsgAsync("pre-start");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // not started again
    }

    [Fact]
    public async Task Supervisor_sees_a_constructor_failure_as_ActorInitializationException_with_the_original_inside()
    {
        var probe = CreateTestProbe();
        var original = new InvalidOperationException("ctor");

        var child = await CreateUnderRecordingSupervisorAsync(probe, Props.Create(() => new ThrowsInConstructor(probe.Ref, original)));

        var decided = await probe.FishForMessageAsync<Decided>(_ => true);
        var initialization = Assert.IsType<ActorInitializationException>(decided.Cause);
        Assert.Same(original, initialization.InnerException);
        Assert.Equal(Directive.Stop, decided.Directive);
        Assert.Equal(child, (await probe.FishForMessageAsync<ChildTerminated>(_ => true)).Child);
    }

    [Fact]
    public async Task Supervisor_sees_a_PreStart_failure_as_ActorInitializationException()
    {
        var probe = CreateTestProbe();
        var original = new InvalidOperationException("pre-start");

        await CreateUnderRecordingSupervisorAsync(probe, Props.Create(() => new ThrowsInPreStart(probe.Ref, original)));

        var decided = await probe.FishForMessageAsync<Decided>(_ => true);
        Assert.Same(original, Assert.IsType<ActorInitializationException>(decided.Cause).InnerException);
    }

    [Fact]
    public async Task Kill_reaches_the_supervisor_as_ActorKilledException_and_stops_the_child()
    {
        var probe = CreateTestProbe();
        var child = await CreateUnderRecordingSupervisorAsync(probe, Props.Create(() => new Idle()));

        child.Tell(Kill.Instance, TestActor);

        var decided = await probe.FishForMessageAsync<Decided>(_ => true);
        Assert.IsType<ActorKilledException>(decided.Cause);
        Assert.Equal(child, (await probe.FishForMessageAsync<ChildTerminated>(_ => true)).Child);
    }

    [Fact]
    public async Task Unhandled_Terminated_of_a_watched_actor_is_a_DeathPactException_that_stops_the_watcher()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new Idle()), "target");
        var watcher = await CreateUnderRecordingSupervisorAsync(probe, Props.Create(() => new Watcher(target)));
        watcher.Tell(new Ping(), TestActor);
        await ExpectMsgAsync(new Pong("watcher")); // the watch is in place

        Sys.Stop(target);

        var decided = await probe.FishForMessageAsync<Decided>(_ => true);
        var deathPact = Assert.IsType<DeathPactException>(decided.Cause);
        Assert.Equal(target, deathPact.DeadActor);
        Assert.Equal(watcher, (await probe.FishForMessageAsync<ChildTerminated>(_ => true)).Child);
    }

    [Fact]
    public async Task Other_exceptions_restart_the_actor()
    {
        var probe = CreateTestProbe();
        var counter = Sys.ActorOf(Counter.Props(probe.Ref, "counter"));
        await probe.ExpectMsgAsync(new Started("counter", 1));
        counter.Tell(new Inc(), TestActor);

        counter.Tell(new Fail(new InvalidOperationException("ordinary failure")), TestActor);
        counter.Tell(new Get(), TestActor);

        Assert.Equal(new Count("counter", 0), await ExpectMsgAsync<Count>());
        await probe.FishForMessageAsync<Started>(s => s.Instance == 2);
    }

    [Fact]
    public async Task A_parent_without_a_strategy_restarts_its_failing_child()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new PlainParent()));
        parent.Tell(new CreateChild(Counter.Props(probe.Ref, "child")), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        child.Tell(new Inc(), TestActor);

        child.Tell(new Fail(new InvalidOperationException("ordinary failure")), TestActor);
        child.Tell(new Get(), TestActor);

        Assert.Equal(0, (await ExpectMsgAsync<Count>()).Value);
    }
}
