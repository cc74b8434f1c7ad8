namespace ActorTrader.Persistence.Sql;

/// <summary>Names of the snapshot table and its columns, shared by both backends (Akka.Persistence.Sql's <c>snapshot</c> table).</summary>
public static class SnapshotTable
{
    public const string Name = "snapshot";

    public const string PersistenceId = "persistence_id";

    public const string SequenceNr = "sequence_nr";

    /// <summary>UTC ticks, like the journal's <see cref="JournalTable.CreatedAt"/>.</summary>
    public const string CreatedAt = "created_at";

    public const string Manifest = "manifest";

    public const string Payload = "payload";

    /// <summary>The columns every snapshot read selects, in the order <see cref="SnapshotRowReader"/> expects.</summary>
    public const string SelectColumns = PersistenceId + ", " + SequenceNr + ", " + CreatedAt + ", " + Manifest + ", " + Payload;
}
