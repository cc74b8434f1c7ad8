using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Addressing;

public sealed class ActorPathTests : TestKit.TestKit
{
    private async Task<(IActorRef Parent, IActorRef Child)> CreateParentAndChild(string parentName, string childName)
    {
        var parent = Sys.ActorOf(Props.Create(() => new AddressedActor()), parentName);
        parent.Tell(new CreateChild(childName), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        return (parent, child);
    }

    [Fact]
    public async Task A_child_path_names_the_system_the_user_guardian_and_each_ancestor()
    {
        var (_, child) = await CreateParentAndChild("a", "b");

        Assert.Equal($"akka://{Sys.Name}/user/a/b", child.Path.ToString());
        Assert.Equal("/user/a/b", child.Path.ToStringWithoutAddress());
        Assert.Equal($"akka://{Sys.Name}", child.Path.Address);
    }

    [Fact]
    public async Task A_path_exposes_its_name_parent_and_elements()
    {
        var (parent, child) = await CreateParentAndChild("a", "b");

        Assert.Equal("b", child.Path.Name);
        Assert.Equal(parent.Path, child.Path.Parent);
        Assert.Equal(["user", "a", "b"], child.Path.Elements);
        Assert.Equal(3, child.Path.Depth);
        Assert.Equal(Sys.Name, child.Path.Root.SystemName);
    }

    [Fact]
    public void Path_equality_ignores_the_uid()
    {
        var root = new RootActorPath("sys");
        var first = root.Child("user").Child("a", uid: 1);
        var second = root.Child("user").Child("a", uid: 2);

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Paths_differ_when_a_name_or_the_system_differs()
    {
        var path = new RootActorPath("sys") / "user" / "a";

        Assert.NotEqual(path, new RootActorPath("sys") / "user" / "b");
        Assert.NotEqual(path, new RootActorPath("other") / "user" / "a");
        Assert.NotEqual(path, new RootActorPath("sys") / "system" / "a");
    }

    [Fact]
    public void The_path_of_a_live_actor_equals_a_path_built_by_hand()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AddressedActor()), "built");

        var byHand = new RootActorPath(Sys.Name) / "user" / "built";

        Assert.NotEqual(0, actor.Path.Uid);
        Assert.Equal(byHand, actor.Path);
    }

    [Fact]
    public async Task A_recreated_actor_with_the_same_name_has_an_equal_path_but_is_a_different_reference()
    {
        var first = Sys.ActorOf(Props.Create(() => new AddressedActor()), "reborn");
        Watch(first);
        first.Tell(PoisonPill.Instance, TestActor);
        await ExpectTerminatedAsync(first);

        IActorRef? second = null;
        // The name is free once the parent has processed the death, which may come just after our Terminated.
        await AwaitAssertAsync(() => second = Sys.ActorOf(Props.Create(() => new AddressedActor()), "reborn"));

        Assert.Equal(first.Path, second!.Path);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
        Assert.NotEqual(first, second);
        Assert.False(first.Equals(second));
    }

    [Fact]
    public async Task A_message_to_the_old_incarnation_does_not_reach_the_new_one()
    {
        var first = Sys.ActorOf(Props.Create(() => new AddressedActor()), "incarnation");
        Watch(first);
        first.Tell(PoisonPill.Instance, TestActor);
        await ExpectTerminatedAsync(first);
        IActorRef? second = null;
        await AwaitAssertAsync(() => second = Sys.ActorOf(Props.Create(() => new AddressedActor()), "incarnation"));
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        first.Tell("to the old one", TestActor);

        var dead = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("to the old one", dead.Message);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Generated_names_start_with_a_dollar_and_are_unique()
    {
        var a = Sys.ActorOf(Props.Create(() => new AddressedActor()));
        var b = Sys.ActorOf(Props.Create(() => new AddressedActor()));

        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.StartsWith("$", b.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path.Name, b.Path.Name);
    }

    [Theory]
    [InlineData("$reserved")]
    [InlineData("has space")]
    [InlineData("has/slash")]
    [InlineData("")]
    public void ActorOf_rejects_an_invalid_actor_name(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new AddressedActor()), name));
    }

    [Fact]
    public void ActorOf_rejects_a_name_a_live_sibling_has()
    {
        Sys.ActorOf(Props.Create(() => new AddressedActor()), "taken");

        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new AddressedActor()), "taken"));

        Assert.Contains("\"taken\"", error.Message, StringComparison.Ordinal);
    }
}
