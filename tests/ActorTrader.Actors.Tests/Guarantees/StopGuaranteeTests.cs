using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Guarantees;

public sealed class StopGuaranteeTests : TestKit.TestKit
{
    private sealed record Numbered(int Round, int N);

    private sealed class Tally
    {
        private int _processed;
        private int _deadLettered;

        public int Processed => Volatile.Read(ref _processed);

        public int DeadLettered => Volatile.Read(ref _deadLettered);

        public void CountProcessed() => Interlocked.Increment(ref _processed);

        public void CountDeadLettered() => Interlocked.Increment(ref _deadLettered);
    }

    /// <summary>Counts what it processes and stops itself at the <c>stopAt</c>-th message, while senders keep sending.</summary>
    private sealed class StopsMidStream : ReceiveActor
    {
        public StopsMidStream(Tally tally, int stopAt)
        {
            var seen = 0;
            Receive<Numbered>(_ =>
            {
                tally.CountProcessed();
                if (++seen == stopAt) Context.Stop(Self);
            });
        }
    }

    /// <summary>Counts the dead letters of <see cref="Numbered"/> messages.</summary>
    private sealed class DeadLetterCounter : ReceiveActor
    {
        public DeadLetterCounter(Tally tally)
        {
            Receive<DeadLetter>(d =>
            {
                if (d.Message is Numbered) tally.CountDeadLettered();
            });
        }
    }

    [Fact]
    public async Task Every_message_to_an_actor_that_stops_while_senders_send_is_processed_or_published_as_a_dead_letter()
    {
        const int rounds = 100;
        const int senders = 2;
        const int perSender = 2_000;
        var tally = new Tally();
        var counter = Sys.ActorOf(Props.Create(() => new DeadLetterCounter(tally)));
        Sys.EventStream.Subscribe(counter, typeof(DeadLetter));

        for (var round = 0; round < rounds; round++)
        {
            var r = round;
            var actor = Sys.ActorOf(Props.Create(() => new StopsMidStream(tally, 500 + (r % 7) * 150)));
            await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < perSender; i++) actor.Tell(new Numbered(r, i), TestActor);
            })));
        }

        const int sent = rounds * senders * perSender;
        await AwaitConditionAsync(
            () => tally.Processed + tally.DeadLettered >= sent,
            TimeSpan.FromSeconds(20),
            message: $"messages vanished: {sent} sent, {tally.Processed} processed, {tally.DeadLettered} dead letters");
        Assert.Equal(sent, tally.Processed + tally.DeadLettered);
    }
}
