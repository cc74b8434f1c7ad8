namespace ActorTrader.Persistence.Journal;

/// <summary>
/// One journal row as the stores see it: the event already serialized by the actor side.
/// <see cref="Ordering"/> is assigned by the database on write (0 before that); it is the global offset
/// that tag and read-model queries resume from.
/// </summary>
/// <param name="PersistenceId">The writing actor's persistence id.</param>
/// <param name="SequenceNr">1, 2, 3… per persistence id, without gaps.</param>
/// <param name="Manifest">The stable event type name (see <c>EventSerializer</c>), never a CLR type name.</param>
/// <param name="Payload">The serialized, versioned envelope.</param>
/// <param name="Timestamp">When the actor persisted the event (UTC).</param>
/// <param name="Tags">Tags for <c>EventsByTag</c> queries; empty when none.</param>
/// <param name="WriterId">The incarnation that wrote the event (a fresh id per actor start).</param>
/// <param name="Epoch">The writer's fencing epoch; 0 on a single node (the cluster issue sets it from its lease).</param>
public sealed record PersistentRepr(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    byte[] Payload,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Tags,
    string WriterId,
    long Epoch = 0)
{
    public long Ordering { get; init; }

    public bool IsDeleted { get; init; }
}
