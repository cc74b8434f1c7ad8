using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Events;

public sealed class EventStreamTests : TestKit.TestKit
{
    private interface IMarketEvent;

    private record PriceEvent(string Symbol, decimal Price) : IMarketEvent;

    private sealed record LastTradeEvent(string Symbol, decimal Price) : PriceEvent(Symbol, Price);

    private sealed record HeartbeatEvent(int N);

    /// <summary>Handles strings only; everything else is unhandled.</summary>
    private sealed class StringsOnly : ReceiveActor
    {
        public StringsOnly()
        {
            Receive<string>(s => Sender.Tell(s, Self));
        }
    }

    [Fact]
    public async Task A_subscriber_receives_events_of_the_subscribed_type()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(HeartbeatEvent));

        Sys.EventStream.Publish(new HeartbeatEvent(1));

        await probe.ExpectMsgAsync(new HeartbeatEvent(1));
    }

    [Fact]
    public async Task A_subscriber_to_a_base_class_receives_derived_events()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(PriceEvent));

        Sys.EventStream.Publish(new LastTradeEvent("EURUSD", 1.1m));

        await probe.ExpectMsgAsync<LastTradeEvent>(e => e.Symbol == "EURUSD");
    }

    [Fact]
    public async Task A_subscriber_to_an_interface_receives_implementing_events_and_nothing_else()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(IMarketEvent));

        Sys.EventStream.Publish(new HeartbeatEvent(1));
        Sys.EventStream.Publish(new PriceEvent("GBPUSD", 1.3m));

        await probe.ExpectMsgAsync(new PriceEvent("GBPUSD", 1.3m));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_subscriber_to_object_receives_every_event()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(object));

        Sys.EventStream.Publish(new HeartbeatEvent(1));
        Sys.EventStream.Publish("text");

        await probe.ExpectMsgAsync(new HeartbeatEvent(1));
        await probe.ExpectMsgAsync("text");
    }

    [Fact]
    public async Task A_subscriber_subscribed_twice_to_the_same_type_receives_each_event_once()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(probe.Ref, typeof(HeartbeatEvent)));
        Assert.False(Sys.EventStream.Subscribe(probe.Ref, typeof(HeartbeatEvent)));

        Sys.EventStream.Publish(new HeartbeatEvent(1));

        await probe.ExpectMsgAsync(new HeartbeatEvent(1));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unsubscribing_from_a_type_stops_those_events_but_keeps_other_subscriptions()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(HeartbeatEvent));
        Sys.EventStream.Subscribe(probe.Ref, typeof(PriceEvent));

        Assert.True(Sys.EventStream.Unsubscribe(probe.Ref, typeof(HeartbeatEvent)));
        Sys.EventStream.Publish(new HeartbeatEvent(1));
        Sys.EventStream.Publish(new PriceEvent("X", 1m));

        await probe.ExpectMsgAsync(new PriceEvent("X", 1m));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unsubscribing_from_everything_stops_all_events()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(HeartbeatEvent));
        Sys.EventStream.Subscribe(probe.Ref, typeof(PriceEvent));

        Sys.EventStream.Unsubscribe(probe.Ref);
        Sys.EventStream.Publish(new HeartbeatEvent(1));
        Sys.EventStream.Publish(new PriceEvent("X", 1m));

        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task A_subscriber_that_stops_is_unsubscribed_so_later_events_make_no_dead_letters()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(HeartbeatEvent));
        Watch(subscriber.Ref);
        Sys.Stop(subscriber.Ref);
        await ExpectTerminatedAsync(subscriber.Ref);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        Sys.EventStream.Publish(new HeartbeatEvent(1));

        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
        Assert.False(Sys.EventStream.Unsubscribe(subscriber.Ref, typeof(HeartbeatEvent)), "the stopped subscriber was still subscribed");
    }

    [Fact]
    public async Task Subscribing_an_actor_that_has_already_stopped_leaves_no_subscription_behind()
    {
        var subscriber = CreateTestProbe();
        Watch(subscriber.Ref);
        Sys.Stop(subscriber.Ref);
        await ExpectTerminatedAsync(subscriber.Ref);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        Sys.EventStream.Subscribe(subscriber.Ref, typeof(HeartbeatEvent));
        Sys.EventStream.Publish(new HeartbeatEvent(1));

        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task A_message_to_a_stopped_actor_is_published_as_a_DeadLetter()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()), "stopped");
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        actor.Tell("anyone there?", TestActor);

        var dead = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("anyone there?", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
        Assert.Equal(actor, dead.Recipient);
    }

    [Fact]
    public async Task Messages_still_queued_when_an_actor_stops_are_published_as_DeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()));

        actor.Tell(PoisonPill.Instance, TestActor);
        actor.Tell("after the pill", TestActor);

        var dead = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("after the pill", dead.Message);
        Assert.Equal(actor, dead.Recipient);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_message_the_actor_does_not_handle_is_published_as_UnhandledMessage()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()));

        actor.Tell(42, TestActor);
        actor.Tell("handled", TestActor);

        var message = await unhandled.ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(42, message.Message);
        Assert.Equal(TestActor, message.Sender);
        Assert.Equal(actor, message.Recipient);
        await ExpectMsgAsync("handled"); // an unhandled message does not fail the actor
        await unhandled.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
