namespace ActorTrader.Actors.Tests.Lifecycle;

/// <summary>Children: listing, lookup by name, and stopping together with their parent.</summary>
public sealed class ChildrenTests : TestKit.TestKit
{
    private sealed record ListChildren;

    private sealed record FindChild(string Name);

    private sealed record Found(IActorRef Child);

    private sealed record StopChild(string Name);

    private sealed record CreateChild(string Name);

    /// <summary>The parent's report of a child's Terminated (a Terminated passed on is dropped, as in Akka).</summary>
    private sealed record ChildTerminated(IActorRef Child);

    private sealed class Child : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly string _name;

        public Child(IActorRef probe, string name)
        {
            _probe = probe;
            _name = name;
            ReceiveAny(m => Sender.Tell(m, Self));
        }

        protected override void PostStop() => _probe.Tell("child stopped: " + _name, Self);
    }

    private sealed class Parent : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Parent(IActorRef probe, string[] childNames)
        {
            _probe = probe;
            foreach (var name in childNames) Context.ActorOf(Props.Create(() => new Child(probe, name)), name);

            Receive<ListChildren>(_ => Sender.Tell(Context.Children.Select(c => c.Path.Name).Order(StringComparer.Ordinal).ToArray(), Self));
            Receive<FindChild>(f => Sender.Tell(new Found(Context.Child(f.Name)), Self));
            Receive<StopChild>(s =>
            {
                var child = Context.Child(s.Name);
                Context.Watch(child);
                Context.Stop(child);
            });
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(Props.Create(() => new Child(probe, c.Name)), c.Name), Self));
            Receive<Terminated>(t => _probe.Tell(new ChildTerminated(t.ActorRef), Self));
        }

        protected override void PostStop() => _probe.Tell("parent stopped", Self);
    }

    private IActorRef StartParent(TestKit.TestProbe probe, params string[] childNames) =>
        Sys.ActorOf(Props.Create(() => new Parent(probe.Ref, childNames)), "parent");

    [Fact]
    public async Task Children_are_listed_in_Context_Children()
    {
        var parent = StartParent(CreateTestProbe(), "a", "b", "c");

        parent.Tell(new ListChildren(), TestActor);

        Assert.Equal(["a", "b", "c"], await ExpectMsgAsync<string[]>());
    }

    [Fact]
    public async Task Context_Child_finds_a_living_child_by_name()
    {
        var parent = StartParent(CreateTestProbe(), "a", "b");

        parent.Tell(new FindChild("b"), TestActor);
        var found = (await ExpectMsgAsync<Found>()).Child;
        found.Tell("ping", TestActor);

        await ExpectMsgAsync("ping");
        Assert.Equal(found, LastSender);
        Assert.Equal(parent.Path / "b", found.Path);
    }

    [Fact]
    public async Task Context_Child_returns_Nobody_for_an_unknown_name()
    {
        var parent = StartParent(CreateTestProbe(), "a");

        parent.Tell(new FindChild("missing"), TestActor);

        Assert.Same(ActorRefs.Nobody, (await ExpectMsgAsync<Found>()).Child);
    }

    [Fact]
    public async Task Stopped_child_is_removed_from_Context_Children()
    {
        var probe = CreateTestProbe();
        var parent = StartParent(probe, "a", "b");

        parent.Tell(new StopChild("a"), TestActor);
        await probe.FishForMessageAsync<ChildTerminated>(t => t.Child.Path.Name == "a");
        parent.Tell(new ListChildren(), TestActor);

        Assert.Equal(["b"], await ExpectMsgAsync<string[]>());
    }

    [Fact]
    public async Task Name_of_a_terminated_child_can_be_reused()
    {
        var probe = CreateTestProbe();
        var parent = StartParent(probe, "a");
        parent.Tell(new FindChild("a"), TestActor);
        var first = (await ExpectMsgAsync<Found>()).Child;

        parent.Tell(new StopChild("a"), TestActor);
        await probe.FishForMessageAsync<ChildTerminated>(t => t.Child.Equals(first));
        parent.Tell(new CreateChild("a"), TestActor);

        var second = await ExpectMsgAsync<IActorRef>();
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second); // a new incarnation
    }

    [Fact]
    public async Task Stopping_a_parent_stops_its_children_before_the_parent_PostStop()
    {
        var probe = CreateTestProbe();
        var parent = StartParent(probe, "a", "b");
        parent.Tell(new ListChildren(), TestActor);
        await ExpectMsgAsync<string[]>(); // the children exist

        Sys.Stop(parent);

        var first = await probe.ExpectMsgAsync<string>();
        var second = await probe.ExpectMsgAsync<string>();
        Assert.Equal(["child stopped: a", "child stopped: b"], new[] { first, second }.Order(StringComparer.Ordinal));
        await probe.ExpectMsgAsync("parent stopped");
    }

    [Fact]
    public async Task Stopping_a_parent_terminates_its_children()
    {
        var parent = StartParent(CreateTestProbe(), "a");
        parent.Tell(new FindChild("a"), TestActor);
        var child = (await ExpectMsgAsync<Found>()).Child;
        Watch(child);
        Watch(parent);

        Sys.Stop(parent);

        await ExpectTerminatedAsync(child);
        await ExpectTerminatedAsync(parent);
    }
}
