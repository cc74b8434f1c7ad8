using ActorTrader.Actors;

namespace ActorTrader.Streams.Tests.Actors;

public sealed class ActorRefSourceTests : StreamTestKit
{
    [Fact]
    public async Task Messages_to_the_actor_become_elements_until_status_success()
    {
        var (actor, result) = Source.ActorRef<int>(8, OverflowStrategy.DropNew).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);

        actor.Tell(1, null);
        actor.Tell(2, null);
        actor.Tell(3, null);
        actor.Tell(new Status.Success(null), null);

        Assert.Equal([1, 2, 3], await Within(result));
    }

    [Fact]
    public async Task Status_failure_fails_the_stream_with_its_cause()
    {
        var (actor, result) = Source.ActorRef<int>(8, OverflowStrategy.DropNew).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);

        actor.Tell(new Status.Failure(new TimeoutException("quote feed down")), null);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Within(result));
        Assert.Equal("quote feed down", error.Message);
    }

    [Fact]
    public async Task Stopping_the_actor_completes_the_stream()
    {
        var (actor, result) = Source.ActorRef<string>(8, OverflowStrategy.DropHead).ToMaterialized(Sink.Seq<string>(), Keep.Both).Run(Materializer);

        actor.Tell("last", null);
        actor.Tell(PoisonPill.Instance, null);

        Assert.Equal(["last"], await Within(result));
    }

    [Fact]
    public async Task The_actor_stops_when_the_stream_is_cancelled()
    {
        var (actor, result) = Source.ActorRef<int>(8, OverflowStrategy.DropNew).Take(1).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        Watch(actor);

        actor.Tell(42, null);

        Assert.Equal([42], await Within(result));
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public void Backpressure_is_refused_because_senders_cannot_be_slowed_down()
    {
        var error = Assert.Throws<ArgumentException>(() => Source.ActorRef<int>(8, OverflowStrategy.Backpressure));

        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }
}
