namespace ActorTrader.Persistence.Snapshots;

/// <summary>Selects snapshots with sequence_nr ≤ <see cref="MaxSequenceNr"/> and timestamp ≤ <see cref="MaxTimestamp"/> (Akka's criteria).</summary>
public sealed record SnapshotSelectionCriteria(long MaxSequenceNr, DateTimeOffset MaxTimestamp)
{
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTimeOffset.MaxValue);

    public static SnapshotSelectionCriteria None { get; } = new(0, DateTimeOffset.MinValue);

    public bool Matches(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SequenceNr <= MaxSequenceNr && metadata.Timestamp <= MaxTimestamp;
    }
}
