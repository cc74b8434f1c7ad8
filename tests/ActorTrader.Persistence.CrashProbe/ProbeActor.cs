using ActorTrader.Actors;

namespace ActorTrader.Persistence.CrashProbe;

/// <summary>
/// Persists <see cref="ValueAppended"/> events as fast as the journal takes them, in atomic batches of 1 to 3
/// (<c>Persist</c> or <c>PersistAll</c>), and prints each one from its persist handler, i.e. once it is durable.
/// After recovery it prints its state before persisting anything new. In snapshot mode it saves its state every
/// <see cref="ProbeArguments.SnapshotEvery"/> events, so kills land while snapshots are being written.
/// </summary>
public sealed class ProbeActor : ReceivePersistentActor
{
    private readonly ProbeMode _mode;
    private readonly ProbeOutput _output;
    private readonly Random _random = new();
    private ProbeState _state = ProbeState.Empty;
    private long _recoveredFromSnapshot;

    public ProbeActor(string persistenceId, ProbeMode mode, ProbeOutput output)
    {
        PersistenceId = persistenceId;
        _mode = mode;
        _output = output;

        Recover<SnapshotOffer>(offer =>
        {
            _state = (ProbeState)offer.Snapshot;
            _recoveredFromSnapshot = offer.Metadata.SequenceNr;
        });
        Recover<ValueAppended>(appended => _state = _state.Apply(appended));
        Recover<RecoveryCompleted>(_ =>
        {
            _output.Write(new RecoveredLine(PersistenceId, LastSequenceNr, _state.Count, _state.Checksum, _recoveredFromSnapshot));
            Self.Tell(AppendNext.Instance);
        });

        Command<AppendNext>(_ => AppendBatch());
        Command<SaveSnapshotSuccess>(success => _output.Write(new SnapshotSavedLine(PersistenceId, success.Metadata.SequenceNr)));
        // A failed save must fail the run loudly (the tests would otherwise pass without testing snapshots): stopping
        // makes the guard end the process with the reason on stderr.
        Command<SaveSnapshotFailure>(failure =>
        {
            _output.Fail($"Saving the snapshot of {PersistenceId} at {failure.Metadata.SequenceNr} failed: {failure.Cause}");
            Context.Stop(Self);
        });
    }

    public override string PersistenceId { get; }

    private void AppendBatch()
    {
        var size = _random.Next(1, 4);
        var batch = Enumerable.Range(0, size).Select(i => new ValueAppended(_random.NextInt64(), i, size)).ToArray();
        if (size == 1) Persist(batch[0], Applied);
        else PersistAll(batch, Applied);
    }

    private void Applied(ValueAppended appended)
    {
        _state = _state.Apply(appended);
        _output.Write(new AckLine(PersistenceId, LastSequenceNr, appended.Value));
        if (appended.IndexInBatch != appended.BatchSize - 1) return;
        if (_mode == ProbeMode.Snapshots && _state.Count / ProbeArguments.SnapshotEvery > (_state.Count - appended.BatchSize) / ProbeArguments.SnapshotEvery)
        {
            _output.Write(new SnapshotSavingLine(PersistenceId, LastSequenceNr));
            SaveSnapshot(_state);
        }
        Self.Tell(AppendNext.Instance);
    }

    /// <summary>The actor's own prompt to persist the next batch.</summary>
    private sealed record AppendNext
    {
        public static AppendNext Instance { get; } = new();
    }
}
