using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Addressing;

public sealed class ActorSelectionTests : TestKit.TestKit
{
    /// <summary>Makes sure the actor's constructor (which creates its children) has run.</summary>
    private async Task Started(IActorRef actor)
    {
        actor.Tell(new Identify("started"), TestActor);
        await ExpectMsgAsync<ActorIdentity>(i => Equals(i.MessageId, "started") && actor.Equals(i.Subject));
    }

    [Fact]
    public async Task Tell_via_an_absolute_path_delivers_to_the_actor()
    {
        var parent = Sys.ActorOf(Props.Create(() => new AddressedActor("b")), "a");
        await Started(parent);

        Sys.ActorSelection("/user/a/b").Tell("hello", TestActor);

        await ExpectMsgAsync(new ReceivedAt("/user/a/b", "hello"));
    }

    [Fact]
    public async Task Tell_via_a_full_address_delivers_to_the_actor()
    {
        Sys.ActorOf(Props.Create(() => new AddressedActor()), "target");

        Sys.ActorSelection($"akka://{Sys.Name}/user/target").Tell("hello", TestActor);

        await ExpectMsgAsync(new ReceivedAt("/user/target", "hello"));
    }

    [Fact]
    public void A_full_address_of_another_system_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorSelection("akka://some-other-system/user/target"));
    }

    [Fact]
    public async Task A_relative_path_with_dot_dot_reaches_a_sibling()
    {
        var from = Sys.ActorOf(Props.Create(() => new AddressedActor()), "from");
        Sys.ActorOf(Props.Create(() => new AddressedActor()), "sibling");

        from.Tell(new TellSelection("../sibling", "hi sibling"), TestActor);

        await ExpectMsgAsync(new ReceivedAt("/user/sibling", "hi sibling"));
    }

    [Fact]
    public async Task A_relative_path_without_dot_dot_reaches_a_child()
    {
        var parent = Sys.ActorOf(Props.Create(() => new AddressedActor("kid")), "parent");

        parent.Tell(new TellSelection("kid", "hi kid"), TestActor);

        await ExpectMsgAsync(new ReceivedAt("/user/parent/kid", "hi kid"));
    }

    [Fact]
    public async Task A_wildcard_delivers_to_every_matching_child_and_no_other()
    {
        var pool = Sys.ActorOf(Props.Create(() => new AddressedActor("worker-1", "worker-2", "worker-3", "manager")), "pool");
        await Started(pool);

        Sys.ActorSelection("/user/pool/worker-*").Tell("work", TestActor);

        var received = (await ReceiveNAsync(3)).Cast<ReceivedAt>().Select(r => r.Path).Order(StringComparer.Ordinal);
        Assert.Equal(["/user/pool/worker-1", "/user/pool/worker-2", "/user/pool/worker-3"], received);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150)); // the manager did not match
    }

    [Fact]
    public async Task A_star_element_matches_children_of_every_parent()
    {
        Sys.ActorOf(Props.Create(() => new AddressedActor("leaf")), "p1");
        Sys.ActorOf(Props.Create(() => new AddressedActor("leaf")), "p2");
        await Started(await Sys.ActorSelection("/user/p1").ResolveOne(DefaultTimeout));
        await Started(await Sys.ActorSelection("/user/p2").ResolveOne(DefaultTimeout));

        Sys.ActorSelection("/user/*/leaf").Tell("to leaves", TestActor);

        var received = (await ReceiveNAsync(2)).Cast<ReceivedAt>().Select(r => r.Path).Order(StringComparer.Ordinal);
        Assert.Equal(["/user/p1/leaf", "/user/p2/leaf"], received);
    }

    [Fact]
    public async Task Tell_to_a_path_where_no_actor_lives_goes_to_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        Sys.ActorSelection("/user/nobody-here").Tell("lost", TestActor);

        var dead = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("lost", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
    }

    [Fact]
    public async Task Tell_to_the_path_of_a_stopped_actor_goes_to_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AddressedActor()), "gone");
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        Sys.ActorSelection("/user/gone").Tell("too late", TestActor);

        await deadLetters.ExpectMsgAsync<DeadLetter>(d => Equals(d.Message, "too late"));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task ResolveOne_returns_the_reference_of_the_actor_at_the_path()
    {
        var parent = Sys.ActorOf(Props.Create(() => new AddressedActor()), "resolve-parent");
        parent.Tell(new CreateChild("resolve-child"), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();

        var resolved = await Sys.ActorSelection("/user/resolve-parent/resolve-child").ResolveOne(DefaultTimeout);

        Assert.Equal(child, resolved);
        Assert.Equal(child.Path.Uid, resolved.Path.Uid);
    }

    [Fact]
    public async Task ResolveOne_throws_ActorNotFoundException_when_no_actor_lives_at_the_path()
    {
        var selection = Sys.ActorSelection("/user/missing");

        await Assert.ThrowsAsync<ActorNotFoundException>(() => selection.ResolveOne(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Identify_via_a_selection_answers_with_the_reference()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AddressedActor()), "identified");

        Sys.ActorSelection("/user/identified").Tell(new Identify(42), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal(42, identity.MessageId);
        Assert.Equal(actor, identity.Subject);
    }

    [Fact]
    public async Task Identify_via_a_selection_that_matches_nothing_answers_with_no_subject()
    {
        Sys.ActorSelection("/user/nobody-here").Tell(new Identify("who?"), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal("who?", identity.MessageId);
        Assert.Null(identity.Subject);
    }

    [Fact]
    public async Task Identify_sent_to_a_stopped_actor_answers_with_no_subject()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AddressedActor()), "stopped");
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        actor.Tell(new Identify(7), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal(7, identity.MessageId);
        Assert.Null(identity.Subject);
    }
}
