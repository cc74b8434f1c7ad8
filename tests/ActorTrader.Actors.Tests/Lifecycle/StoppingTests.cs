namespace ActorTrader.Actors.Tests.Lifecycle;

/// <summary>PoisonPill, Kill, GracefulStop, and what happens to messages sent to a stopped actor.</summary>
public sealed class StoppingTests : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            ReceiveAny(m => Sender.Tell(m, Self));
        }
    }

    /// <summary>Echoes, and reports its PreStart and PostStop to a probe.</summary>
    private sealed class ReportingEcho : ReceiveActor
    {
        private readonly IActorRef _probe;

        public ReportingEcho(IActorRef probe)
        {
            _probe = probe;
            ReceiveAny(m => Sender.Tell(m, Self));
        }

        protected override void PreStart() => _probe.Tell("started", Self);

        protected override void PostStop() => _probe.Tell("stopped", Self);
    }

    /// <summary>Sets a flag in PostStop, so a test can check it ran before something else completed.</summary>
    private sealed class PostStopFlag : ReceiveActor
    {
        private readonly StrongFlag _flag;

        public PostStopFlag(StrongFlag flag)
        {
            _flag = flag;
            ReceiveAny(m => Sender.Tell(m, Self));
        }

        protected override void PostStop() => _flag.Set();
    }

    private sealed class StrongFlag
    {
        private int _value;

        public bool IsSet => Volatile.Read(ref _value) != 0;

        public void Set() => Volatile.Write(ref _value, 1);
    }

    /// <summary>Blocks its mailbox in an async handler until the test completes <paramref name="gate"/>.</summary>
    private sealed class BlockedInAsyncHandler : ReceiveActor
    {
        public BlockedInAsyncHandler(Task gate, IActorRef probe)
        {
            ReceiveAsync<string>(async s =>
            {
                probe.Tell("entered " + s, Self);
                await gate;
            });
        }
    }

    private sealed record StopNow;

    private sealed class IgnoresStopRequests : ReceiveActor
    {
        public IgnoresStopRequests()
        {
            Receive<StopNow>(_ => { });
        }
    }

    private sealed class StopsOnRequest : ReceiveActor
    {
        public StopsOnRequest()
        {
            Receive<StopNow>(_ => Context.Stop(Self));
        }
    }

    [Fact]
    public async Task PoisonPill_stops_the_actor_after_the_messages_queued_before_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(actor);

        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);

        await ExpectMsgAsync("a");
        await ExpectMsgAsync("b");
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Messages_queued_after_a_PoisonPill_go_to_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Echo()));

        actor.Tell(PoisonPill.Instance, TestActor);
        actor.Tell("too late", TestActor);

        var deadLetter = await deadLetters.FishForMessageAsync<DeadLetter>(d => "too late".Equals(d.Message));
        Assert.Equal(actor, deadLetter.Recipient);
        Assert.Equal(TestActor, deadLetter.Sender);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Kill_stops_the_actor_under_the_default_supervisor()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new ReportingEcho(probe.Ref)));
        await probe.ExpectMsgAsync("started");
        Watch(actor);

        actor.Tell(Kill.Instance, TestActor);

        await probe.ExpectMsgAsync("stopped");
        await ExpectTerminatedAsync(actor);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // not started again: stopped, not restarted
    }

    [Fact]
    public async Task GracefulStop_returns_true_once_the_actor_has_stopped()
    {
        var postStopRan = new StrongFlag();
        var actor = Sys.ActorOf(Props.Create(() => new PostStopFlag(postStopRan)));

        var stopped = await actor.GracefulStop(TimeSpan.FromSeconds(3));

        Assert.True(stopped);
        Assert.True(postStopRan.IsSet);
    }

    [Fact]
    public async Task GracefulStop_returns_false_when_the_actor_is_stuck_in_an_async_handler()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new BlockedInAsyncHandler(gate.Task, TestActor)));
        actor.Tell("work", TestActor);
        await ExpectMsgAsync("entered work");

        var stopped = await actor.GracefulStop(TimeSpan.FromMilliseconds(200));

        Assert.False(stopped);
        gate.SetResult();
    }

    [Fact]
    public async Task PoisonPill_of_a_timed_out_GracefulStop_still_stops_the_actor_later()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new BlockedInAsyncHandler(gate.Task, TestActor)));
        actor.Tell("work", TestActor);
        await ExpectMsgAsync("entered work");
        Assert.False(await actor.GracefulStop(TimeSpan.FromMilliseconds(150)));
        Watch(actor);

        gate.SetResult();

        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task GracefulStop_returns_false_when_the_custom_stop_message_is_ignored()
    {
        var actor = Sys.ActorOf(Props.Create(() => new IgnoresStopRequests()));

        var stopped = await actor.GracefulStop(TimeSpan.FromMilliseconds(200), new StopNow());

        Assert.False(stopped);
    }

    [Fact]
    public async Task GracefulStop_returns_true_when_the_custom_stop_message_stops_the_actor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StopsOnRequest()));

        var stopped = await actor.GracefulStop(TimeSpan.FromSeconds(3), new StopNow());

        Assert.True(stopped);
    }

    [Fact]
    public async Task Message_to_a_stopped_actor_goes_to_dead_letters_and_Tell_does_not_throw()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        var error = Record.Exception(() => actor.Tell("hello?", TestActor));

        Assert.Null(error);
        var deadLetter = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("hello?", deadLetter.Message);
        Assert.Equal(actor, deadLetter.Recipient);
        Assert.Equal(TestActor, deadLetter.Sender);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Stop_does_not_wait_for_a_pending_async_handler_and_drops_queued_messages()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new BlockedInAsyncHandler(gate.Task, TestActor)));
        actor.Tell("first", TestActor);
        await ExpectMsgAsync("entered first");
        actor.Tell("second", TestActor);
        Watch(actor);

        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        await deadLetters.FishForMessageAsync<DeadLetter>(d => "second".Equals(d.Message));
        gate.SetResult();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
