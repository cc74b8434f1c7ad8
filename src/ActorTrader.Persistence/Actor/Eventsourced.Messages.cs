using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

// Journal and snapshot results come back to the actor as these messages, so handlers always run on the actor's turn.

/// <summary>The snapshot (if any) to start from and the journal's highest sequence number.</summary>
internal sealed record SnapshotLoaded(string Instance, SnapshotMetadata? Metadata, object? Snapshot, long HighestSequenceNr) : IPersistenceInternalMessage;

/// <summary>One page of replayed, deserialized events.</summary>
internal sealed record ReplayedBatch(string Instance, IReadOnlyList<ReplayedEvent> Events) : IPersistenceInternalMessage;

internal sealed record ReplayedEvent(long SequenceNr, object Payload);

/// <summary>A snapshot load, a replay or a deserialization failed: the recovery fails.</summary>
internal sealed record RecoveryStepFailed(string Instance, Exception Cause) : IPersistenceInternalMessage;

/// <summary>The recovery step <see cref="Step"/> made no progress within the timeout.</summary>
internal sealed record RecoveryTick(string Instance, long Step) : IPersistenceInternalMessage;

/// <summary>An event is durable (sent with the persisting command's sender).</summary>
internal sealed record WriteMessageSuccess(string Instance, object Event, long SequenceNr) : IPersistenceInternalMessage;

/// <summary>An event was refused before writing (serialization); nothing was stored for it.</summary>
internal sealed record WriteMessageRejected(string Instance, object Event, long SequenceNr, Exception Cause) : IPersistenceInternalMessage;

/// <summary>The journal failed the write that held this event.</summary>
internal sealed record WriteMessageFailure(string Instance, object Event, long SequenceNr, Exception Cause) : IPersistenceInternalMessage;

/// <summary>A deferred handler's turn has come (every earlier persist has completed).</summary>
internal sealed record LoopMessageSuccess(string Instance, object Payload) : IPersistenceInternalMessage;

/// <summary>Every result of one journal write was delivered; the next write may start.</summary>
internal sealed record WriteMessagesCompleted(string Instance) : IPersistenceInternalMessage;

/// <summary>A stashed command put back in the mailbox by this incarnation, with its original sender.</summary>
internal sealed record Unstashed(string Instance, object Message);
