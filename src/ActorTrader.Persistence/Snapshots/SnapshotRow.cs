namespace ActorTrader.Persistence.Snapshots;

/// <summary>A stored snapshot: metadata plus the serialized, versioned state envelope.</summary>
public sealed record SnapshotRow(SnapshotMetadata Metadata, string Manifest, byte[] Payload);
