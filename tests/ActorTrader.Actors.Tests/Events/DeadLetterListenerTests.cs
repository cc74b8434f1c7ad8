using ActorTrader.Actors;
using ActorTrader.Actors.Tests.Dispatch;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Events;

public sealed class DeadLetterListenerTests : TestKit.TestKit
{
    private sealed record Hold(Gate Gate);

    private sealed record Holding;

    /// <summary>A dead-letter listener that can be held in a handler so dead letters queue up in its mailbox.</summary>
    private sealed class Listener : ReceiveActor
    {
        public Listener(IActorRef report)
        {
            Receive<Hold>(hold =>
            {
                report.Tell(new Holding(), Self);
                hold.Gate.WaitUntilOpen();
            });
            Receive<DeadLetter>(d => report.Tell(d, Self));
        }
    }

    [Fact]
    public async Task A_dead_letter_listener_that_stops_with_dead_letters_queued_stops_cleanly_and_others_still_get_them()
    {
        var other = CreateTestProbe();
        Sys.EventStream.Subscribe(other.Ref, typeof(DeadLetter));
        var listener = Sys.ActorOf(Props.Create(() => new Listener(TestActor)), "listener");
        Sys.EventStream.Subscribe(listener, typeof(DeadLetter));
        using var gate = new Gate();
        listener.Tell(new Hold(gate), TestActor);
        await ExpectMsgAsync<Holding>();

        Sys.DeadLetters.Tell("undeliverable", TestActor); // queued behind the held message
        Watch(listener);
        Sys.Stop(listener); // processed right after the held message, with the dead letter still queued
        gate.Open();

        await ExpectTerminatedAsync(listener);
        var seen = await other.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("undeliverable", seen.Message);
        Sys.DeadLetters.Tell("after the listener stopped", TestActor);
        await other.ExpectMsgAsync<DeadLetter>(d => Equals(d.Message, "after the listener stopped"));
        await other.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // each dead letter published once, not republished
    }
}
