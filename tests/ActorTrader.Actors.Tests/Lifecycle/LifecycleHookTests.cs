namespace ActorTrader.Actors.Tests.Lifecycle;

/// <summary>PreStart, PostStop, PreRestart and PostRestart: when they run, on which instance, with what.</summary>
public sealed class LifecycleHookTests : TestKit.TestKit
{
    private sealed class InstanceCounter
    {
        private int _count;

        public int Next() => Interlocked.Increment(ref _count);
    }

    private sealed record Fail(string Text);

    private sealed record Started(int Instance);

    private sealed record Stopped(int Instance);

    private sealed record Received(int Instance, object Message);

    private sealed record PreRestarted(int Instance, Exception Reason, object? Message);

    private sealed record PostRestarted(int Instance, Exception Reason);

    /// <summary>Reports every hook it runs, tagged with the number of its instance.</summary>
    private sealed class HookRecorder : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _instance;

        public HookRecorder(IActorRef probe, InstanceCounter counter)
        {
            _probe = probe;
            _instance = counter.Next();
            Receive<Fail>(f => throw new InvalidOperationException(f.Text));
            ReceiveAny(m => _probe.Tell(new Received(_instance, m), Self));
        }

        protected override void PreStart() => _probe.Tell(new Started(_instance), Self);

        protected override void PostStop() => _probe.Tell(new Stopped(_instance), Self);

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell(new PreRestarted(_instance, reason, message), Self);
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell(new PostRestarted(_instance, reason), Self);
            base.PostRestart(reason);
        }
    }

    /// <summary>Overrides only PreStart, so restarts go through the default PreRestart/PostRestart.</summary>
    private sealed class PreStartOnly : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _instance;

        public PreStartOnly(IActorRef probe, InstanceCounter counter)
        {
            _probe = probe;
            _instance = counter.Next();
            Receive<Fail>(f => throw new InvalidOperationException(f.Text));
        }

        protected override void PreStart() => _probe.Tell(new Started(_instance), Self);
    }

    private IActorRef StartRecorder(TestKit.TestProbe probe)
    {
        var counter = new InstanceCounter(); // shared by all instances: the factory runs again on every restart
        return Sys.ActorOf(Props.Create(() => new HookRecorder(probe.Ref, counter)));
    }

    [Fact]
    public async Task PreStart_runs_before_the_first_message()
    {
        var probe = CreateTestProbe();
        var actor = StartRecorder(probe);
        actor.Tell("first", TestActor);

        Assert.Equal(new Started(1), await probe.ExpectMsgAsync<object>());
        Assert.Equal(new Received(1, "first"), await probe.ExpectMsgAsync<object>());
    }

    [Fact]
    public async Task PostStop_runs_when_the_actor_is_stopped()
    {
        var probe = CreateTestProbe();
        var actor = StartRecorder(probe);
        await probe.ExpectMsgAsync(new Started(1));

        Sys.Stop(actor);

        await probe.ExpectMsgAsync(new Stopped(1));
    }

    [Fact]
    public async Task PreRestart_gets_the_exception_and_the_failing_message()
    {
        var probe = CreateTestProbe();
        var actor = StartRecorder(probe);
        await probe.ExpectMsgAsync(new Started(1));

        var failing = new Fail("broken on purpose");
        actor.Tell(failing, TestActor);

        var preRestart = await probe.ExpectMsgAsync<PreRestarted>();
        Assert.Equal(1, preRestart.Instance);
        var reason = Assert.IsType<InvalidOperationException>(preRestart.Reason);
        Assert.Equal("broken on purpose", reason.Message);
        Assert.Same(failing, preRestart.Message);
    }

    [Fact]
    public async Task Default_PreRestart_calls_PostStop_on_the_failing_instance()
    {
        var probe = CreateTestProbe();
        var actor = StartRecorder(probe);
        await probe.ExpectMsgAsync(new Started(1));

        actor.Tell(new Fail("boom"), TestActor);

        await probe.ExpectMsgAsync<PreRestarted>();
        await probe.ExpectMsgAsync(new Stopped(1));
    }

    [Fact]
    public async Task PostRestart_runs_on_the_fresh_instance_with_the_reason()
    {
        var probe = CreateTestProbe();
        var actor = StartRecorder(probe);
        await probe.ExpectMsgAsync(new Started(1));

        actor.Tell(new Fail("restart me"), TestActor);

        var preRestart = await probe.ExpectMsgAsync<PreRestarted>();
        await probe.ExpectMsgAsync(new Stopped(1));
        var postRestart = await probe.ExpectMsgAsync<PostRestarted>();
        Assert.Equal(2, postRestart.Instance);
        Assert.Same(preRestart.Reason, postRestart.Reason);
    }

    [Fact]
    public async Task Default_PostRestart_calls_PreStart_on_the_fresh_instance()
    {
        var probe = CreateTestProbe();
        var counter = new InstanceCounter();
        var actor = Sys.ActorOf(Props.Create(() => new PreStartOnly(probe.Ref, counter)));
        await probe.ExpectMsgAsync(new Started(1));

        actor.Tell(new Fail("boom"), TestActor);

        await probe.ExpectMsgAsync(new Started(2));
    }

    [Fact]
    public async Task Restarted_actor_handles_later_messages_on_the_fresh_instance()
    {
        var probe = CreateTestProbe();
        var actor = StartRecorder(probe);
        await probe.ExpectMsgAsync(new Started(1));

        actor.Tell(new Fail("boom"), TestActor);
        actor.Tell("after", TestActor);

        var received = await probe.FishForMessageAsync<Received>(_ => true);
        Assert.Equal(new Received(2, "after"), received);
    }
}
