using ActorTrader.Actors;
using ActorTrader.Actors.Dispatch;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Dispatch;

public sealed class MailboxTypeTests : TestKit.TestKit
{
    private sealed record Step(int N);

    /// <summary>A message with a priority; lower numbers are delivered first.</summary>
    private sealed record Prioritised(int Priority, string Label);

    private sealed class ByPriorityMailbox : UnboundedPriorityMailbox
    {
        protected override int PriorityGenerator(object message) => message is Prioritised p ? p.Priority : 100;
    }

    private async Task<IActorRef> StartBlocked(Props props, Gate gate)
    {
        var actor = Sys.ActorOf(props);
        actor.Tell(new BlockUntilReleased(gate), TestActor);
        await ExpectMsgAsync<Processed>();
        await ExpectMsgAsync<Blocked>();
        return actor;
    }

    [Fact]
    public async Task Bounded_mailbox_sends_overflowing_messages_to_dead_letters()
    {
        Sys.Mailboxes.Register("bounded-3", new BoundedMailbox(3, TimeSpan.Zero));
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        using var gate = new Gate();
        var actor = await StartBlocked(Props.Create(() => new RecordingActor(TestActor)).WithMailbox("bounded-3"), gate);

        for (var i = 1; i <= 5; i++) actor.Tell(new Step(i), TestActor);

        var overflow1 = await deadLetters.ExpectMsgAsync<DeadLetter>();
        var overflow2 = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(new Step(4), overflow1.Message);
        Assert.Equal(new Step(5), overflow2.Message);
        Assert.Equal(actor, overflow1.Recipient);
        Assert.Equal(TestActor, overflow1.Sender);

        gate.Open();
        var processed = await ReceiveNAsync(3);
        Assert.Equal([1, 2, 3], processed.Cast<Processed>().Select(p => ((Step)p.Message).N));
        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Bounded_mailbox_accepts_messages_again_once_the_actor_has_drained_it()
    {
        Sys.Mailboxes.Register("bounded-2", new BoundedMailbox(2, TimeSpan.Zero));
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        using var gate = new Gate();
        var actor = await StartBlocked(Props.Create(() => new RecordingActor(TestActor)).WithMailbox("bounded-2"), gate);
        actor.Tell(new Step(1), TestActor);
        actor.Tell(new Step(2), TestActor);
        actor.Tell(new Step(3), TestActor);
        await deadLetters.ExpectMsgAsync<DeadLetter>(d => d.Message is Step { N: 3 });
        gate.Open();
        await ReceiveNAsync(2);

        actor.Tell(new Step(4), TestActor);
        actor.Tell(new Step(5), TestActor);

        var processed = await ReceiveNAsync(2);
        Assert.Equal([4, 5], processed.Cast<Processed>().Select(p => ((Step)p.Message).N));
        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Priority_mailbox_delivers_lower_priority_numbers_first_and_keeps_fifo_within_a_priority()
    {
        Sys.Mailboxes.Register("by-priority", new ByPriorityMailbox());
        using var gate = new Gate();
        var actor = await StartBlocked(Props.Create(() => new RecordingActor(TestActor)).WithMailbox("by-priority"), gate);

        Prioritised[] sent =
        [
            new(5, "low-a"), new(1, "high-a"), new(3, "mid-a"), new(1, "high-b"),
            new(5, "low-b"), new(3, "mid-b"), new(1, "high-c"), new(0, "urgent"),
        ];
        foreach (var message in sent) actor.Tell(message, TestActor);
        gate.Open();

        var labels = (await ReceiveNAsync(sent.Length)).Cast<Processed>().Select(p => ((Prioritised)p.Message).Label);
        Assert.Equal(["urgent", "high-a", "high-b", "high-c", "mid-a", "mid-b", "low-a", "low-b"], labels);
    }

    [Fact]
    public void ActorOf_with_an_unknown_mailbox_id_fails_naming_the_id()
    {
        var props = Props.Create(() => new RecordingActor(TestActor)).WithMailbox("no-such-mailbox");

        var error = Assert.Throws<ArgumentException>(() => Sys.ActorOf(props));

        Assert.Contains("\"no-such-mailbox\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounded_mailbox_rejects_a_capacity_below_1()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedMailbox(0, TimeSpan.Zero));
    }
}
