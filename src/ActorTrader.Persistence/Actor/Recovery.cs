using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

/// <summary>
/// How a persistent actor recovers (Akka's <c>Recovery</c>): from the newest snapshot matching <see cref="FromSnapshot"/>,
/// then the events after it up to <see cref="ToSequenceNr"/>, at most <see cref="ReplayMax"/> of them.
/// Sequence numbers always continue after the highest one in the journal, however little was replayed.
/// </summary>
public sealed record Recovery(SnapshotSelectionCriteria? FromSnapshot = null, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>Latest snapshot, then every later event.</summary>
    public static Recovery Default { get; } = new();

    /// <summary>No snapshot, no events: the actor starts empty on purpose (numbering still continues).</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0);

    public SnapshotSelectionCriteria FromSnapshot { get; init; } = FromSnapshot ?? SnapshotSelectionCriteria.Latest;
}
