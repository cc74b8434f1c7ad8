using ActorTrader.Actors;
using ActorTrader.Persistence.Tests.Support;
using ActorTrader.TestKit;
using static ActorTrader.Persistence.Tests.Support.DeliveringActor;

namespace ActorTrader.Persistence.Tests.Behaviour;

/// <summary>At-least-once delivery: redelivery on virtual time until confirmed, warnings, the unconfirmed limit, and restore after restart.</summary>
public abstract class AtLeastOnceDeliverySpec : PersistenceSpec
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private Task<Persistence> StartAsync(int maxUnconfirmed = 100, int warnAfter = 3) =>
        StartPersistenceAsync(s => s with
        {
            // Tests advance virtual time by several intervals while a journal call is held: it must not time out.
            CircuitBreaker = s.CircuitBreaker with { CallTimeout = TimeSpan.FromMinutes(5) },
            AtLeastOnceDelivery = s.AtLeastOnceDelivery with
            {
                RedeliverInterval = Interval,
                MaxUnconfirmedMessages = maxUnconfirmed,
                WarnAfterNumberOfUnconfirmedAttempts = warnAfter,
            },
        });

    private async Task<IActorRef> SpawnAsync(string id, TestProbe destination, TestProbe reporter)
    {
        var actor = Sys.ActorOf(DeliveringActor.Props(id, destination.Ref, reporter.Ref));
        await reporter.ExpectMsgAsync<DeliveryRecovered>();
        return actor;
    }

    [Fact]
    public async Task An_unconfirmed_message_is_sent_again_every_redeliver_interval()
    {
        await StartAsync();
        var destination = CreateTestProbe();
        var actor = await SpawnAsync(NewPersistenceId(), destination, CreateTestProbe());

        actor.Tell(new Send("a"));
        await destination.ExpectMsgAsync(new Delivered(1, "a"));
        Scheduler.Advance(Interval - TimeSpan.FromSeconds(1));
        await destination.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await destination.ExpectMsgAsync(new Delivered(1, "a"));
        Scheduler.Advance(Interval);
        await destination.ExpectMsgAsync(new Delivered(1, "a"));
        await destination.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_confirmed_message_is_not_sent_again()
    {
        await StartAsync();
        var destination = CreateTestProbe();
        var reporter = CreateTestProbe();
        var actor = await SpawnAsync(NewPersistenceId(), destination, reporter);
        actor.Tell(new Send("a"));
        var delivered = await destination.ExpectMsgAsync<Delivered>();

        actor.Tell(new Confirm(delivered.DeliveryId));
        await reporter.ExpectMsgAsync(new ConfirmResult(1, WasUnconfirmed: true));
        Scheduler.Advance(Interval * 3);

        await destination.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task An_UnconfirmedWarning_is_sent_after_the_configured_number_of_attempts()
    {
        await StartAsync(warnAfter: 3);
        var destination = CreateTestProbe();
        var reporter = CreateTestProbe();
        var actor = await SpawnAsync(NewPersistenceId(), destination, reporter);
        actor.Tell(new Send("a"));
        await destination.ExpectMsgAsync<Delivered>();

        Scheduler.Advance(Interval);
        await destination.ExpectMsgAsync<Delivered>();
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(Interval);
        await destination.ExpectMsgAsync<Delivered>();

        var warning = await reporter.ExpectMsgAsync<UnconfirmedWarning>();
        Assert.Equal([1L], warning.UnconfirmedDeliveries.Select(d => d.DeliveryId));
        Assert.Equal(new Delivered(1, "a"), warning.UnconfirmedDeliveries[0].Message);
    }

    [Fact]
    public async Task Deliver_beyond_the_unconfirmed_limit_throws_MaxUnconfirmedMessagesExceededException()
    {
        await StartAsync(maxUnconfirmed: 2);
        var reporter = CreateTestProbe();
        var actor = await SpawnAsync(NewPersistenceId(), CreateTestProbe(), reporter);

        actor.Tell(new SendUnpersisted("a"));
        actor.Tell(new SendUnpersisted("b"));
        actor.Tell(new SendUnpersisted("c"));

        await reporter.ExpectMsgAsync(new Accepted("a"));
        await reporter.ExpectMsgAsync(new Accepted("b"));
        await reporter.ExpectMsgAsync<MaxUnconfirmedMessagesExceededException>();
    }

    [Fact]
    public async Task Replay_rebuilds_unconfirmed_deliveries_and_sends_them_again_after_an_interval()
    {
        await StartAsync();
        var id = NewPersistenceId();
        var destination = CreateTestProbe();
        var reporter = CreateTestProbe();
        var first = await SpawnAsync(id, destination, reporter);
        first.Tell(new Send("a"));
        first.Tell(new Send("b"));
        await destination.ExpectMsgAsync(new Delivered(1, "a"));
        await destination.ExpectMsgAsync(new Delivered(2, "b"));
        first.Tell(new Confirm(1));
        await reporter.ExpectMsgAsync<ConfirmResult>();
        await StopAsync(first);

        var restarted = Sys.ActorOf(DeliveringActor.Props(id, destination.Ref, reporter.Ref));
        Assert.Equal(1, (await reporter.ExpectMsgAsync<DeliveryRecovered>()).UnconfirmedCount);
        await destination.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // replay does not send
        Scheduler.Advance(Interval);

        await destination.ExpectMsgAsync(new Delivered(2, "b"));
        restarted.Tell(new Send("c"));
        await destination.ExpectMsgAsync(new Delivered(3, "c"));
    }

    [Fact]
    public async Task A_delivery_snapshot_restores_the_unconfirmed_messages_and_the_delivery_id()
    {
        await StartAsync();
        var id = NewPersistenceId();
        var destination = CreateTestProbe();
        var reporter = CreateTestProbe();
        var first = await SpawnAsync(id, destination, reporter);
        first.Tell(new Send("a"));
        first.Tell(new Send("b"));
        await destination.ReceiveNAsync(2);
        first.Tell(new Confirm(1));
        await reporter.ExpectMsgAsync<ConfirmResult>();
        first.Tell(new TakeDeliverySnapshot());
        await reporter.ExpectMsgAsync<SaveSnapshotSuccess>();
        await StopAsync(first);
        // Only the snapshot may restore the state now.
        await Journal.Inner.DeleteMessagesToAsync(id, long.MaxValue);

        var restarted = Sys.ActorOf(DeliveringActor.Props(id, destination.Ref, reporter.Ref));
        Assert.Equal(1, (await reporter.ExpectMsgAsync<DeliveryRecovered>()).UnconfirmedCount);
        Scheduler.Advance(Interval);

        await destination.ExpectMsgAsync(new Delivered(2, "b"));
        restarted.Tell(new Send("c"));
        await destination.ExpectMsgAsync(new Delivered(3, "c"));
    }

    [Fact]
    public async Task Nothing_is_redelivered_while_recovery_has_not_seen_the_later_confirmations()
    {
        await StartAsync();
        var id = NewPersistenceId();
        var destination = CreateTestProbe();
        var reporter = CreateTestProbe();
        var first = await SpawnAsync(id, destination, reporter);
        first.Tell(new Send("a"));
        first.Tell(new Send("b"));
        await destination.ReceiveNAsync(2);
        first.Tell(new TakeDeliverySnapshot());
        await reporter.ExpectMsgAsync<SaveSnapshotSuccess>();
        first.Tell(new Confirm(1)); // after the snapshot: only the replay knows it
        await reporter.ExpectMsgAsync<ConfirmResult>();
        await StopAsync(first);
        Journal.HoldReplays();
        var replaying = Journal.NextReplayArrived();

        Sys.ActorOf(DeliveringActor.Props(id, destination.Ref, reporter.Ref));
        await replaying; // the snapshot (both unconfirmed) is applied; the events after it are not yet
        Scheduler.Advance(Interval * 2);
        await destination.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Journal.ReleaseReplays();

        Assert.Equal(1, (await reporter.ExpectMsgAsync<DeliveryRecovered>()).UnconfirmedCount);
        Scheduler.Advance(Interval);
        await destination.ExpectMsgAsync(new Delivered(2, "b"));
        await destination.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
