namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>Escalate: the parent fails with the child's exception and the grandparent's strategy decides.</summary>
public sealed class EscalationTests : TestKit.TestKit
{
    private sealed record FindKid;

    private sealed record Decided(Exception Cause);

    /// <summary>Escalates every failure of its kid, which it creates in its constructor.</summary>
    private sealed class EscalatingParent : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _instance;

        public EscalatingParent(IActorRef probe, InstanceCounter instances)
        {
            _probe = probe;
            _instance = instances.Next();
            Context.ActorOf(Counter.Props(probe, "kid"), "kid");
            Receive<FindKid>(_ => Sender.Tell(Context.Child("kid"), Self));
        }

        public static Props Props(IActorRef probe)
        {
            var instances = new InstanceCounter();
            return Actors.Props.Create(() => new EscalatingParent(probe, instances));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);

        protected override void PreStart() => _probe.Tell(new Started("parent", _instance), Self);

        protected override void PostStop() => _probe.Tell(new Stopped("parent", _instance), Self);

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell(new Restarting("parent", _instance, reason, message), Self);
            base.PreRestart(reason, message);
        }
    }

    /// <summary>Escalates its kid's failures and keeps the kid across its own restarts (PreRestart and PostRestart overridden).</summary>
    private sealed class EscalatingParentKeepingKid : ReceiveActor
    {
        private readonly IActorRef _probe;

        public EscalatingParentKeepingKid(IActorRef probe)
        {
            _probe = probe;
            Receive<FindKid>(_ => Sender.Tell(Context.Child("kid"), Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);

        protected override void PreStart() => Context.ActorOf(Counter.Props(_probe, "kid"), "kid");

        protected override void PreRestart(Exception reason, object? message)
        {
            // Keep the kid.
        }

        protected override void PostRestart(Exception reason)
        {
            // The kid exists already: do not run PreStart again.
        }
    }

    private static OneForOneStrategy Recording(TestKit.TestProbe observer, Directive directive) => new OneForOneStrategy(cause =>
    {
        observer.Ref.Tell(new Decided(cause), ActorRefs.NoSender);
        return directive;
    });

    /// <summary>grandparent (given strategy) → parent (escalates) → kid; returns parent and kid.</summary>
    private async Task<(IActorRef Parent, IActorRef Kid)> StartAsync(Directive grandparentDirective, TestKit.TestProbe probe, TestKit.TestProbe observer)
    {
        var grandparent = Sys.ActorOf(Supervisor.Props(Recording(observer, grandparentDirective), observer.Ref), "grandparent");
        grandparent.Tell(new CreateChild(EscalatingParent.Props(probe.Ref), "parent"), TestActor);
        var parent = await ExpectMsgAsync<IActorRef>();
        parent.Tell(new FindKid(), TestActor);
        var kid = await ExpectMsgAsync<IActorRef>();
        await probe.FishForMessageAsync<Started>(s => s.Name == "parent");
        return (parent, kid);
    }

    [Fact]
    public async Task Escalated_failure_reaches_the_grandparent_with_the_child_exception()
    {
        var probe = CreateTestProbe();
        var observer = CreateTestProbe();
        var (_, kid) = await StartAsync(Directive.Restart, probe, observer);
        var cause = new InvalidOperationException("kid fails");

        kid.Tell(new Fail(cause), TestActor);

        Assert.Same(cause, (await observer.ExpectMsgAsync<Decided>()).Cause);
    }

    [Fact]
    public async Task Escalate_makes_the_parent_fail_with_the_child_exception()
    {
        var probe = CreateTestProbe();
        var observer = CreateTestProbe();
        var (_, kid) = await StartAsync(Directive.Restart, probe, observer);
        var cause = new InvalidOperationException("kid fails");

        kid.Tell(new Fail(cause), TestActor);

        var restarting = await probe.FishForMessageAsync<Restarting>(r => r.Name == "parent");
        Assert.Same(cause, restarting.Reason);
    }

    [Fact]
    public async Task Grandparent_restarting_the_parent_stops_the_old_kid_and_the_parent_recreates_it()
    {
        var probe = CreateTestProbe();
        var observer = CreateTestProbe();
        var (parent, oldKid) = await StartAsync(Directive.Restart, probe, observer);
        Watch(oldKid);

        oldKid.Tell(new Fail(new InvalidOperationException("kid fails")), TestActor);

        await ExpectTerminatedAsync(oldKid);
        await probe.FishForMessageAsync<Started>(s => s is { Name: "parent", Instance: 2 });
        parent.Tell(new FindKid(), TestActor);
        var newKid = await ExpectMsgAsync<IActorRef>();
        Assert.NotEqual(oldKid, newKid);
        newKid.Tell(new Ping(), TestActor);
        await ExpectMsgAsync(new Pong("kid"));
    }

    [Fact]
    public async Task Grandparent_stopping_the_parent_stops_the_parent_and_its_kid()
    {
        var probe = CreateTestProbe();
        var observer = CreateTestProbe();
        var (parent, kid) = await StartAsync(Directive.Stop, probe, observer);
        Watch(kid);

        kid.Tell(new Fail(new InvalidOperationException("kid fails")), TestActor);

        await ExpectTerminatedAsync(kid);
        await observer.ExpectMsgAsync<Decided>();
        Assert.Equal(parent, (await observer.ExpectMsgAsync<ChildTerminated>()).Child);
    }

    [Fact]
    public async Task Escalated_restart_of_a_parent_that_keeps_its_kid_restarts_the_failed_kid()
    {
        var probe = CreateTestProbe();
        var observer = CreateTestProbe();
        var grandparent = Sys.ActorOf(Supervisor.Props(Recording(observer, Directive.Restart), observer.Ref), "grandparent");
        grandparent.Tell(new CreateChild(Props.Create(() => new EscalatingParentKeepingKid(probe.Ref)), "parent"), TestActor);
        var parent = await ExpectMsgAsync<IActorRef>();
        parent.Tell(new FindKid(), TestActor);
        var kid = await ExpectMsgAsync<IActorRef>();
        await probe.ExpectMsgAsync(new Started("kid", 1));
        var cause = new InvalidOperationException("kid fails");

        kid.Tell(new Fail(cause), TestActor);
        kid.Tell(new Ping(), TestActor);

        await probe.FishForMessageAsync<Started>(s => s is { Name: "kid", Instance: 2 });
        await ExpectMsgAsync(new Pong("kid")); // the restarted kid takes messages again
        Assert.Equal(kid, LastSender);
    }

    [Fact]
    public async Task Grandparent_resuming_the_parent_resumes_the_kid_with_its_state()
    {
        var probe = CreateTestProbe();
        var observer = CreateTestProbe();
        var (_, kid) = await StartAsync(Directive.Resume, probe, observer);
        kid.Tell(new Inc(), TestActor);

        kid.Tell(new Fail(new InvalidOperationException("kid fails")), TestActor);
        kid.Tell(new Inc(), TestActor);
        kid.Tell(new Get(), TestActor);

        Assert.Equal(2, (await ExpectMsgAsync<Count>()).Value);
    }
}
