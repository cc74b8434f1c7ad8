using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.DeathWatch;

/// <summary>Death watch: Terminated exactly once, also for actors that died before Watch; Unwatch; WatchWith; death pacts.</summary>
public sealed class DeathWatchTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    // ---- messages and actors -----------------------------------------------------------------

    private sealed record WatchIt(IActorRef Target);

    /// <summary>
    /// How watchers report a Terminated they received: a raw Terminated told to another actor is dropped
    /// there (it is only delivered to the actor whose watch queued it), so it travels wrapped.
    /// </summary>
    private sealed record GotTerminated(Terminated Terminated);

    private sealed record WatchItTwice(IActorRef Target);

    private sealed record WatchItWith(IActorRef Target, object Message);

    private sealed record UnwatchIt(IActorRef Target);

    /// <summary>Suspends the watcher on <see cref="Gate"/>, then unwatches <see cref="Target"/> (if asked) in the same handler.</summary>
    private sealed record HoldThenMaybeUnwatch(IActorRef Target, Task Gate, bool Unwatch);

    /// <summary>Watches on command, acknowledges to the sender, and reports every other message (Terminated too) to the reporter.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef reporter)
        {
            Receive<WatchIt>(m =>
            {
                Context.Watch(m.Target);
                Sender.Tell("watching", Self);
            });
            Receive<WatchItTwice>(m =>
            {
                Context.Watch(m.Target);
                Context.Watch(m.Target);
                Sender.Tell("watching", Self);
            });
            Receive<WatchItWith>(m =>
            {
                Context.WatchWith(m.Target, m.Message);
                Sender.Tell("watching", Self);
            });
            Receive<UnwatchIt>(m =>
            {
                Context.Unwatch(m.Target);
                Sender.Tell("unwatched", Self);
            });
            ReceiveAsync<HoldThenMaybeUnwatch>(async m =>
            {
                var context = Context;
                reporter.Tell("holding", Self);
                await m.Gate;
                if (m.Unwatch) context.Unwatch(m.Target);
                reporter.Tell("released", Self);
            });
            Receive<string>(_ => Sender.Tell("pong", Self), s => s == "ping");
            Receive<Terminated>(t => reporter.Tell(new GotTerminated(t), Self));
            ReceiveAny(m => reporter.Tell(m, Self));
        }
    }

    /// <summary>Watches on command but handles only strings: an unhandled Terminated is a death pact.</summary>
    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher()
        {
            Receive<WatchIt>(m =>
            {
                Context.Watch(m.Target);
                Sender.Tell("watching", Self);
            });
            Receive<string>(s => Sender.Tell(s, Self));
        }
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent()
        {
            Receive<string>(_ => { });
        }
    }

    /// <summary>On "burst" sends 1..count to the target, then stops itself; PostStop sends one last message.</summary>
    private sealed class Chatterer : ReceiveActor
    {
        private readonly IActorRef _target;

        public Chatterer(IActorRef target, int count)
        {
            _target = target;
            Receive<string>(
                _ =>
                {
                    for (var i = 1; i <= count; i++) target.Tell(i, Self);
                    Context.Stop(Self);
                },
                s => s == "burst");
        }

        protected override void PostStop() => _target.Tell("from-post-stop", Self);
    }

    /// <summary>Creates a child, watches it (optionally twice) and reports the child's Terminated to the reporter.</summary>
    private sealed class Parent : ReceiveActor
    {
        public Parent(IActorRef reporter, bool watchTwice)
        {
            var child = Context.ActorOf(Props.Create(() => new Silent()), "child");
            Context.Watch(child);
            if (watchTwice) Context.Watch(child);
            Receive<string>(_ => Sender.Tell(child, Self), s => s == "child?");
            Receive<Terminated>(t => reporter.Tell(new GotTerminated(t), Self));
        }
    }

    /// <summary>Supervises one careless watcher child and reports every failure it decides on.</summary>
    private sealed class RecordingSupervisor : ReceiveActor
    {
        private readonly IActorRef _reporter;

        public RecordingSupervisor(IActorRef reporter)
        {
            _reporter = reporter;
            var child = Context.ActorOf(Props.Create(() => new CarelessWatcher()), "careless");
            Receive<string>(_ => Sender.Tell(child, Self), s => s == "child?");
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
        {
            _reporter.Tell(e, ActorRefs.NoSender);
            return Actors.SupervisorStrategy.DefaultDecider(e);
        });
    }

    /// <summary>Stashes every Terminated until told "unstash", then reports everything.</summary>
    private sealed class StashingWatcher : ReceiveActor, IWithStash
    {
        public StashingWatcher(IActorRef reporter)
        {
            Receive<WatchIt>(m =>
            {
                Context.Watch(m.Target);
                Sender.Tell("watching", Self);
            });
            Receive<Terminated>(_ =>
            {
                Stash.Stash();
                reporter.Tell("stashed", Self);
            });
            Receive<string>(
                _ =>
                {
                    Become(() => Receive<Terminated>(t => reporter.Tell(new GotTerminated(t), Self)));
                    Stash.UnstashAll();
                },
                s => s == "unstash");
        }

        public IStash Stash { get; set; } = null!;
    }

    private static int UserMessagesQueued(IActorRef actor) => ((LocalActorRef)actor).Cell.Mailbox.NumberOfMessages;

    private async Task<IActorRef> StoppedActorAsync()
    {
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var observer = CreateTestProbe();
        observer.Watch(target);
        target.Tell(PoisonPill.Instance, ActorRefs.NoSender);
        await observer.ExpectTerminatedAsync(target);
        return target;
    }

    // ---- exactly once ------------------------------------------------------------------------

    [Fact]
    public async Task Watching_an_actor_twice_from_the_test_actor_delivers_exactly_one_Terminated()
    {
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        Watch(target);
        Watch(target);
        target.Tell(PoisonPill.Instance, TestActor);

        await ExpectTerminatedAsync(target);
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task An_actor_that_calls_Watch_twice_receives_exactly_one_Terminated()
    {
        var reports = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(reports.Ref)));
        watcher.Tell(new WatchItTwice(target), TestActor);
        await ExpectMsgAsync("watching");

        target.Tell(PoisonPill.Instance, TestActor);

        var terminated = (await reports.ExpectMsgAsync<GotTerminated>()).Terminated;
        Assert.Equal(target, terminated.ActorRef);
        await reports.ExpectNoMsgAsync(Quiet);
    }

    // ---- watching the dead -------------------------------------------------------------------

    [Fact]
    public async Task Watching_an_actor_that_already_stopped_still_delivers_Terminated()
    {
        var target = await StoppedActorAsync();

        Watch(target);

        var terminated = await ExpectTerminatedAsync(target);
        Assert.Equal(target, terminated.ActorRef);
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task An_actor_that_watches_an_already_stopped_actor_receives_its_Terminated()
    {
        var target = await StoppedActorAsync();
        var reports = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(reports.Ref)));

        watcher.Tell(new WatchIt(target), TestActor);
        await ExpectMsgAsync("watching");

        var terminated = (await reports.ExpectMsgAsync<GotTerminated>()).Terminated;
        Assert.Equal(target, terminated.ActorRef);
    }

    // ---- unwatch -----------------------------------------------------------------------------

    [Fact]
    public async Task Unwatch_before_the_actor_stops_means_no_Terminated_is_delivered()
    {
        var reports = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(reports.Ref)));
        watcher.Tell(new WatchIt(target), TestActor);
        await ExpectMsgAsync("watching");
        watcher.Tell(new UnwatchIt(target), TestActor);
        await ExpectMsgAsync("unwatched");

        target.Tell(PoisonPill.Instance, TestActor);
        Watch(target);
        await ExpectTerminatedAsync(target); // the target is certainly dead now

        await reports.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Unwatch_after_Terminated_was_queued_but_before_it_was_processed_drops_it()
    {
        var (reports, watcher, _, gate) = await TargetDiesWhileWatcherIsHeldAsync(unwatch: true);

        // Same handler invocation, after the death: Unwatch, then the queued Terminated must not be delivered.
        gate.SetResult();
        await reports.ExpectMsgAsync("released");
        await reports.ExpectNoMsgAsync(Quiet);
        watcher.Tell("ping", TestActor);
        await ExpectMsgAsync("pong");
    }

    [Fact]
    public async Task A_Terminated_queued_while_the_watcher_is_busy_is_delivered_when_it_is_not_unwatched()
    {
        var (reports, _, target, gate) = await TargetDiesWhileWatcherIsHeldAsync(unwatch: false);

        gate.SetResult();
        await reports.ExpectMsgAsync("released");
        var terminated = (await reports.ExpectMsgAsync<GotTerminated>()).Terminated;
        Assert.Equal(target, terminated.ActorRef);
    }

    [Fact]
    public async Task A_stashed_Terminated_is_delivered_after_UnstashAll()
    {
        var reports = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var watcher = Sys.ActorOf(Props.Create(() => new StashingWatcher(reports.Ref)));
        watcher.Tell(new WatchIt(target), TestActor);
        await ExpectMsgAsync("watching");
        target.Tell(PoisonPill.Instance, TestActor);
        await reports.ExpectMsgAsync("stashed");

        watcher.Tell("unstash", TestActor);

        var terminated = (await reports.ExpectMsgAsync<GotTerminated>()).Terminated;
        Assert.Equal(target, terminated.ActorRef);
    }

    // ---- death pact --------------------------------------------------------------------------

    [Fact]
    public async Task A_watcher_that_does_not_handle_Terminated_is_stopped_by_the_default_strategy()
    {
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var watcher = Sys.ActorOf(Props.Create(() => new CarelessWatcher()));
        watcher.Tell(new WatchIt(target), TestActor);
        await ExpectMsgAsync("watching");
        Watch(watcher);

        target.Tell(PoisonPill.Instance, TestActor);

        await ExpectTerminatedAsync(watcher);
    }

    [Fact]
    public async Task An_unhandled_Terminated_fails_the_watcher_with_a_DeathPactException_naming_the_dead_actor()
    {
        var failures = CreateTestProbe();
        var supervisor = Sys.ActorOf(Props.Create(() => new RecordingSupervisor(failures.Ref)));
        supervisor.Tell("child?", TestActor);
        var watcher = await ExpectMsgAsync<IActorRef>();
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        watcher.Tell(new WatchIt(target), TestActor);
        await ExpectMsgAsync("watching");

        target.Tell(PoisonPill.Instance, TestActor);

        var failure = await failures.ExpectMsgAsync<DeathPactException>();
        Assert.Equal(target, failure.DeadActor);
    }

    // ---- WatchWith ---------------------------------------------------------------------------

    [Fact]
    public async Task WatchWith_delivers_the_custom_message_instead_of_Terminated()
    {
        var reports = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(reports.Ref)));
        watcher.Tell(new WatchItWith(target, "target-died"), TestActor);
        await ExpectMsgAsync("watching");

        target.Tell(PoisonPill.Instance, TestActor);

        await reports.ExpectMsgAsync("target-died");
        await reports.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Unwatch_after_the_WatchWith_message_was_queued_drops_it()
    {
        var reports = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(reports.Ref)));
        watcher.Tell(new WatchItWith(target, "target-died"), TestActor);
        await ExpectMsgAsync("watching");

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Tell(new HoldThenMaybeUnwatch(target, gate.Task, Unwatch: true), TestActor);
        await reports.ExpectMsgAsync("holding");
        target.Tell(PoisonPill.Instance, TestActor);
        await AwaitConditionAsync(() => UserMessagesQueued(watcher) == 1, message: "the termination notice for the target is queued at the watcher");

        gate.SetResult();
        await reports.ExpectMsgAsync("released");
        await reports.ExpectNoMsgAsync(Quiet);
    }

    // ---- parents and children ----------------------------------------------------------------

    [Fact]
    public async Task A_parent_watching_its_child_receives_Terminated_when_the_child_stops()
    {
        var reports = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent(reports.Ref, false)));
        parent.Tell("child?", TestActor);
        var child = await ExpectMsgAsync<IActorRef>();

        child.Tell(PoisonPill.Instance, TestActor);

        var terminated = (await reports.ExpectMsgAsync<GotTerminated>()).Terminated;
        Assert.Equal(child, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task A_parent_that_watches_its_child_twice_receives_exactly_one_Terminated()
    {
        var reports = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent(reports.Ref, true)));
        parent.Tell("child?", TestActor);
        var child = await ExpectMsgAsync<IActorRef>();

        child.Tell(PoisonPill.Instance, TestActor);

        var terminated = (await reports.ExpectMsgAsync<GotTerminated>()).Terminated;
        Assert.Equal(child, terminated.ActorRef);
        await reports.ExpectNoMsgAsync(Quiet);
    }

    // ---- ordering ----------------------------------------------------------------------------

    [Fact]
    public async Task Terminated_arrives_after_every_message_the_dead_actor_sent_before_dying()
    {
        const int count = 200;
        var reports = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(reports.Ref)));
        var chatterer = Sys.ActorOf(Props.Create(() => new Chatterer(watcher, count)));
        watcher.Tell(new WatchIt(chatterer), TestActor);
        await ExpectMsgAsync("watching");

        chatterer.Tell("burst", TestActor);

        var received = await reports.ReceiveNAsync(count + 2);
        Assert.Equal(Enumerable.Range(1, count).Cast<object>(), received.Take(count));
        Assert.Equal("from-post-stop", received[count]);
        var terminated = Assert.IsType<GotTerminated>(received[count + 1]).Terminated;
        Assert.Equal(chatterer, terminated.ActorRef);
    }

    /// <summary>
    /// The watcher holds its mailbox in an async handler while its target dies, so the target's Terminated
    /// is queued but not processed; releasing the gate lets the handler (optionally) Unwatch first.
    /// </summary>
    private async Task<(TestKit.TestProbe Reports, IActorRef Watcher, IActorRef Target, TaskCompletionSource Gate)> TargetDiesWhileWatcherIsHeldAsync(bool unwatch)
    {
        var reports = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(reports.Ref)));
        watcher.Tell(new WatchIt(target), TestActor);
        await ExpectMsgAsync("watching");

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Tell(new HoldThenMaybeUnwatch(target, gate.Task, unwatch), TestActor);
        await reports.ExpectMsgAsync("holding");
        target.Tell(PoisonPill.Instance, TestActor);
        await AwaitConditionAsync(() => UserMessagesQueued(watcher) == 1, message: "the Terminated for the target is queued at the watcher");
        return (reports, watcher, target, gate);
    }
}
