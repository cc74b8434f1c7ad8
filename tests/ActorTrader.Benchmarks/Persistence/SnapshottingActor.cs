using ActorTrader.Persistence;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// Saves its state <see cref="SaveSnapshots.Count"/> times, one after the other: each save starts when the previous one
/// is durable. The state changes before every save, as a real actor's does between snapshots (SQLite skips the write,
/// and its fsync, of a row that did not change).
/// </summary>
internal sealed class SnapshottingActor : ReceivePersistentActor
{
    private long _saves;
    private int _remaining;
    private TaskCompletionSource? _done;

    public SnapshottingActor(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<BenchEvent>(_ => { });
        Command<SaveSnapshots>(save =>
        {
            _remaining = save.Count;
            _done = save.Done;
            SaveNext();
        });
        Command<SaveSnapshotSuccess>(_ =>
        {
            if (--_remaining == 0) _done!.TrySetResult();
            else SaveNext();
        });
        Command<SaveSnapshotFailure>(failure => _done!.TrySetException(failure.Cause));
    }

    public override string PersistenceId { get; }

    private void SaveNext() => SaveSnapshot(BenchState.Sample with { Count = ++_saves });

    public sealed record SaveSnapshots(int Count, TaskCompletionSource Done);
}
