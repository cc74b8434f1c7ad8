using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

/// <summary>Offered to the recover handlers first when a snapshot was found: restore the state from <see cref="Snapshot"/>.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);
