using ActorTrader.Actors;

namespace ActorTrader.Persistence.Tests.Support;

/// <summary>An at-least-once delivering actor: persists each request, delivers it to <c>destination</c>, persists confirmations.</summary>
public sealed class DeliveringActor : AtLeastOnceDeliveryReceiveActor
{
    private readonly string _persistenceId;

    public DeliveringActor(string persistenceId, IActorRef destination, IActorRef reporter)
    {
        _persistenceId = persistenceId;
        Recover<SnapshotOffer>(o => SetDeliverySnapshot((AtLeastOnceDeliverySnapshot)o.Snapshot));
        Recover<DeliveryRequested>(e => Deliver(destination, id => new Delivered(id, e.Payload)));
        Recover<DeliveryConfirmed>(e => ConfirmDelivery(e.DeliveryId));
        Recover<RecoveryCompleted>(_ => reporter.Tell(new DeliveryRecovered(UnconfirmedCount)));

        Command<Send>(c => Persist(new DeliveryRequested(c.Payload), e => Deliver(destination, id => new Delivered(id, e.Payload))));
        Command<SendUnpersisted>(c =>
        {
            try
            {
                Deliver(destination.Path, id => new Delivered(id, c.Payload));
                reporter.Tell(new Accepted(c.Payload));
            }
            catch (MaxUnconfirmedMessagesExceededException e)
            {
                reporter.Tell(e);
            }
        });
        Command<Confirm>(c => Persist(new DeliveryConfirmed(c.DeliveryId), e => reporter.Tell(new ConfirmResult(e.DeliveryId, ConfirmDelivery(e.DeliveryId)))));
        Command<UnconfirmedWarning>(w => reporter.Tell(w));
        Command<TakeDeliverySnapshot>(_ => SaveSnapshot(GetDeliverySnapshot()));
        Command<SaveSnapshotSuccess>(s => reporter.Tell(s));
        Command<SaveSnapshotFailure>(s => reporter.Tell(s));
    }

    public override string PersistenceId => _persistenceId;

    public static Props Props(string persistenceId, IActorRef destination, IActorRef reporter) =>
        Actors.Props.Create(() => new DeliveringActor(persistenceId, destination, reporter));

    public sealed record Send(string Payload);

    public sealed record SendUnpersisted(string Payload);

    public sealed record Confirm(long DeliveryId);

    public sealed record TakeDeliverySnapshot;

    public sealed record Accepted(string Payload);

    public sealed record ConfirmResult(long DeliveryId, bool WasUnconfirmed);

    public sealed record DeliveryRecovered(int UnconfirmedCount);
}
