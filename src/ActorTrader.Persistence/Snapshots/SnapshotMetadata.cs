namespace ActorTrader.Persistence.Snapshots;

/// <summary>Which state a snapshot holds: the actor's state after event <see cref="SequenceNr"/>.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);
