namespace ActorTrader.Persistence.Sql;

/// <summary>
/// Names of the journal table and its columns, shared by the SQLite and PostgreSQL backends so both
/// hold the same schema (in the spirit of Akka.Persistence.Sql's <c>journal</c> table).
/// </summary>
public static class JournalTable
{
    public const string Name = "journal";

    /// <summary>Global, database-assigned, ever-increasing offset; read models resume from it.</summary>
    public const string Ordering = "ordering";

    public const string PersistenceId = "persistence_id";

    public const string SequenceNr = "sequence_nr";

    /// <summary>Stable event type name written by the serializer.</summary>
    public const string Manifest = "manifest";

    public const string Payload = "payload";

    /// <summary>UTC ticks (100 ns since 0001-01-01) so the timestamp round-trips exactly on both backends.</summary>
    public const string CreatedAt = "created_at";

    public const string Tags = "tags";

    public const string WriterId = "writer_id";

    public const string WriterEpoch = "writer_epoch";

    /// <summary>Logical deletion flag: deleted rows keep their sequence number so numbers are never reused.</summary>
    public const string Deleted = "deleted";

    /// <summary>The columns every journal read selects, in the order <see cref="JournalRowReader"/> expects.</summary>
    public const string SelectColumns =
        Ordering + ", " + PersistenceId + ", " + SequenceNr + ", " + Manifest + ", " + Payload + ", " +
        CreatedAt + ", " + Tags + ", " + WriterId + ", " + WriterEpoch + ", " + Deleted;
}
