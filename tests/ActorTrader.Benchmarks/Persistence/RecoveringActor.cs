using ActorTrader.Persistence;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>Recovers (from a snapshot when there is one, then the events after it), reports how much it applied and stops.</summary>
internal sealed class RecoveringActor : ReceivePersistentActor
{
    private long _events;
    private bool _fromSnapshot;

    public RecoveringActor(string persistenceId, TaskCompletionSource<Recovered> recovered)
    {
        PersistenceId = persistenceId;
        Recover<SnapshotOffer>(offer => _fromSnapshot = offer.Snapshot is BenchState);
        Recover<BenchEvent>(_ => _events++);
        Recover<RecoveryCompleted>(_ =>
        {
            recovered.TrySetResult(new Recovered(_events, _fromSnapshot));
            Context.Stop(Self);
        });
    }

    public override string PersistenceId { get; }

    /// <summary>How many events were replayed and whether a snapshot was offered first.</summary>
    public sealed record Recovered(long Events, bool FromSnapshot);
}
