using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

/// <summary>The snapshot requested with <c>SaveSnapshot</c> is durable.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>The snapshot could not be serialized or stored; the actor keeps running (events are still the truth).</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>The snapshots matching <see cref="Criteria"/> were deleted.</summary>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);
