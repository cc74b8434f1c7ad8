
namespace ActorTrader.Actors.Tests.Behaviour;

/// <summary>A shared message object (a singleton tick) may be stashed once per delivery.</summary>
public sealed class StashRepeatedMessageTests : TestKit.TestKit
{
    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed class StashesUntilOpened : ReceiveActor, IWithStash
    {
        public IStash Stash { get; set; } = null!;

        public StashesUntilOpened()
        {
            Receive<Tick>(_ => Stash.Stash());
            Receive<string>(
                _ =>
                {
                    Become(() => Receive<Tick>(_ => Sender.Tell("tick", Self)));
                    Stash.UnstashAll();
                },
                s => s == "open");
        }
    }

    [Fact]
    public async Task The_same_message_instance_delivered_twice_can_be_stashed_twice()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StashesUntilOpened()));
        actor.Tell(Tick.Instance, TestActor);
        actor.Tell(Tick.Instance, TestActor);
        actor.Tell("open", TestActor);

        await ExpectMsgAsync("tick");
        await ExpectMsgAsync("tick");
    }
}
