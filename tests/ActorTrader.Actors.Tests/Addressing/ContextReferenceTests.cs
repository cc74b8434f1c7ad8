namespace ActorTrader.Actors.Tests.Addressing;

/// <summary>References an actor gets from its context: Parent, and Forward keeping the original sender.</summary>
public sealed class ContextReferenceTests : TestKit.TestKit
{
    private sealed record WhoIsYourParent;

    private sealed class Child : ReceiveActor
    {
        public Child() => Receive<WhoIsYourParent>(_ => Sender.Tell(Context.Parent, Self));
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            var child = Context.ActorOf(Props.Create(() => new Child()), "child");
            ReceiveAny(m => child.Forward(m));
        }
    }

    [Fact]
    public async Task Context_Parent_is_the_actor_that_created_the_child()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");

        parent.Tell(new WhoIsYourParent(), TestActor);

        Assert.Equal(parent, await ExpectMsgAsync<IActorRef>());
    }

    [Fact]
    public async Task Forward_keeps_the_original_sender_so_the_reply_skips_the_middle_actor()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "forwarder");

        parent.Tell(new WhoIsYourParent(), TestActor);

        await ExpectMsgAsync<IActorRef>();
        Assert.Equal(Sys.ActorSelection("/user/forwarder/child").Resolve().Single(), LastSender);
    }

    [Fact]
    public void Forward_outside_an_actor_fails_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestActor.Forward("no context"));

        Assert.Contains("inside an actor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_top_level_actors_parent_is_the_user_guardian()
    {
        var child = Sys.ActorOf(Props.Create(() => new Child()), "top");

        child.Tell(new WhoIsYourParent(), TestActor);

        var guardian = await ExpectMsgAsync<IActorRef>();
        Assert.Equal("/user", guardian.Path.ToStringWithoutAddress());
    }
}
