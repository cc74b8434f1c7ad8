namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>What a restart keeps and drops: the mailbox, the failing message, suspension, children.</summary>
public sealed class RestartSemanticsTests : TestKit.TestKit
{
    private sealed record FindKid;

    private sealed record Deciding(Exception Cause);

    /// <summary>Tells the probe about every message before handling it; <see cref="Fail"/> then throws.</summary>
    private sealed class MessageRecorder : ReceiveActor
    {
        public MessageRecorder(IActorRef probe)
        {
            ReceiveAny(m =>
            {
                probe.Tell(m, Self);
                if (m is Fail fail) throw fail.Exception;
                if (m is Ping) Sender.Tell(new Pong("recorder"), Self);
            });
        }
    }

    /// <summary>
    /// Creates its kid (with a generated name) in the constructor and keeps Akka's default PreRestart, which
    /// stops children. <see cref="FindKid"/> answers with the only child.
    /// </summary>
    private sealed class ParentWithDefaultHooks : ReceiveActor
    {
        public ParentWithDefaultHooks(IActorRef probe)
        {
            Context.ActorOf(Counter.Props(probe, "kid"));
            Receive<Fail>(f => throw f.Exception);
            Receive<FindKid>(_ => Sender.Tell(Context.Children.Single(), Self));
        }
    }

    /// <summary>Creates its kid in PreStart and overrides PreRestart and PostRestart so the kid survives a restart.</summary>
    private sealed class ParentKeepingChildren : ReceiveActor
    {
        private readonly IActorRef _probe;

        public ParentKeepingChildren(IActorRef probe)
        {
            _probe = probe;
            Receive<Fail>(f => throw f.Exception);
            Receive<FindKid>(_ => Sender.Tell(Context.Child("kid"), Self));
        }

        protected override void PreStart() => Context.ActorOf(Counter.Props(_probe, "kid"), "kid");

        protected override void PreRestart(Exception reason, object? message)
        {
            // Keep the children: do not call base.PreRestart.
        }

        protected override void PostRestart(Exception reason)
        {
            // Do not call PreStart again: the kid still exists.
        }
    }

    private async Task<IActorRef> FindKidAsync(IActorRef parent)
    {
        parent.Tell(new FindKid(), TestActor);
        return await ExpectMsgAsync<IActorRef>();
    }

    [Fact]
    public async Task Restarted_child_keeps_its_mailbox()
    {
        var probe = CreateTestProbe();
        var counter = Sys.ActorOf(Counter.Props(probe.Ref, "counter"));
        counter.Tell(new Inc(), TestActor);
        counter.Tell(new Inc(), TestActor);

        counter.Tell(new Fail(new InvalidOperationException("restart")), TestActor);
        counter.Tell(new Inc(), TestActor); // queued behind the failing message
        counter.Tell(new Get(), TestActor);

        Assert.Equal(1, (await ExpectMsgAsync<Count>()).Value); // processed by the fresh instance, not lost
    }

    [Fact]
    public async Task Failing_message_is_not_redelivered_after_the_restart()
    {
        var probe = CreateTestProbe();
        var recorder = Sys.ActorOf(Props.Create(() => new MessageRecorder(probe.Ref)));

        recorder.Tell(new Fail(new InvalidOperationException("once")), TestActor);
        recorder.Tell(new Ping(), TestActor);

        await probe.ExpectMsgAsync<Fail>();
        await probe.ExpectMsgAsync<Ping>();
        await ExpectMsgAsync(new Pong("recorder"));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Failing_message_is_dropped_after_Resume_too()
    {
        var probe = CreateTestProbe();
        var supervisor = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Resume), TestActor));
        supervisor.Tell(new CreateChild(Props.Create(() => new MessageRecorder(probe.Ref))), TestActor);
        var recorder = await ExpectMsgAsync<IActorRef>();

        recorder.Tell(new Fail(new InvalidOperationException("once")), TestActor);
        recorder.Tell(new Ping(), TestActor);

        await probe.ExpectMsgAsync<Fail>();
        await probe.ExpectMsgAsync<Ping>();
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Failing_child_processes_no_messages_while_its_parent_decides()
    {
        var probe = CreateTestProbe();
        using var decide = new ManualResetEventSlim(false);
        var strategy = new OneForOneStrategy(cause =>
        {
            probe.Ref.Tell(new Deciding(cause), ActorRefs.NoSender);
            decide.Wait(TimeSpan.FromSeconds(10)); // the parent holds its decision until the test lets go
            return Directive.Resume;
        });
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy, probe.Ref));
        supervisor.Tell(new CreateChild(Counter.Props(probe.Ref, "child")), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        await probe.ExpectMsgAsync<Started>();

        child.Tell(new Fail(new InvalidOperationException("suspend me")), TestActor);
        await probe.ExpectMsgAsync<Deciding>();
        child.Tell(new Ping(), TestActor);
        child.Tell(new Ping(), TestActor);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
        decide.Set();
        await ExpectMsgAsync(new Pong("child"));
        await ExpectMsgAsync(new Pong("child"));
    }

    [Fact]
    public async Task Children_of_a_restarted_actor_are_stopped_by_the_default_PreRestart()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ParentWithDefaultHooks(probe.Ref)));
        var kid = await FindKidAsync(parent);
        Watch(kid);

        parent.Tell(new Fail(new InvalidOperationException("parent fails")), TestActor);

        await ExpectTerminatedAsync(kid);
    }

    [Fact]
    public async Task Restarted_parent_recreates_its_children_in_the_constructor()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ParentWithDefaultHooks(probe.Ref)));
        var oldKid = await FindKidAsync(parent);

        parent.Tell(new Fail(new InvalidOperationException("parent fails")), TestActor);
        var newKid = await FindKidAsync(parent);
        newKid.Tell(new Ping(), TestActor);

        await ExpectMsgAsync(new Pong("kid"));
        Assert.Equal(newKid, LastSender);
        Assert.NotEqual(oldKid, newKid);
    }

    [Fact]
    public async Task Children_kept_by_an_overridden_PreRestart_are_restarted_too()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ParentKeepingChildren(probe.Ref)));
        var kid = await FindKidAsync(parent);
        await probe.ExpectMsgAsync(new Started("kid", 1));
        kid.Tell(new Inc(), TestActor);
        kid.Tell(new Get(), TestActor);
        Assert.Equal(1, (await ExpectMsgAsync<Count>()).Value);
        var cause = new InvalidOperationException("parent fails");

        parent.Tell(new Fail(cause), TestActor);

        var restarting = await probe.ExpectMsgAsync<Restarting>();
        Assert.Equal("kid", restarting.Name);
        Assert.Same(cause, restarting.Reason);
        await probe.FishForMessageAsync<Started>(s => s is { Name: "kid", Instance: 2 });
        Assert.Equal(kid, await FindKidAsync(parent)); // the same child, restarted in place
        kid.Tell(new Get(), TestActor);
        Assert.Equal(0, (await ExpectMsgAsync<Count>()).Value);
    }

    [Fact]
    public async Task Props_WithSupervisorStrategy_applies_to_the_children_of_that_actor()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new PlainParent()).WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Resume)));
        parent.Tell(new CreateChild(Counter.Props(probe.Ref, "child")), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        child.Tell(new Inc(), TestActor);

        child.Tell(new Fail(new InvalidOperationException("resume, not restart")), TestActor);
        child.Tell(new Get(), TestActor);

        Assert.Equal(1, (await ExpectMsgAsync<Count>()).Value);
    }

    [Fact]
    public async Task Props_WithSupervisorStrategy_does_not_apply_to_the_actor_itself()
    {
        var probe = CreateTestProbe();
        var props = Counter.Props(probe.Ref, "counter").WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Resume));
        var counter = Sys.ActorOf(props); // supervised by /user with the default strategy
        counter.Tell(new Inc(), TestActor);

        counter.Tell(new Fail(new InvalidOperationException("restart")), TestActor);
        counter.Tell(new Get(), TestActor);

        Assert.Equal(0, (await ExpectMsgAsync<Count>()).Value);
    }
}
