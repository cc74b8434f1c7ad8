using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>
/// The journal and snapshot tables in SQLite types (names from <see cref="JournalTable"/> and <see cref="SnapshotTable"/>).
/// Each lives in a file of its own (<see cref="SqliteStoreOptions.SnapshotDatabasePath"/>).
/// </summary>
internal static class SqliteSchema
{
    // AUTOINCREMENT: an ordering is never handed out twice, even after the newest row is gone.
    // Tags need no index: the tag query walks the ordering key from the offset and tests each row.
    public const string Journal = $"""
        CREATE TABLE IF NOT EXISTS {JournalTable.Name} (
            {JournalTable.Ordering}       INTEGER PRIMARY KEY AUTOINCREMENT,
            {JournalTable.PersistenceId}  TEXT    NOT NULL,
            {JournalTable.SequenceNr}     INTEGER NOT NULL,
            {JournalTable.Manifest}       TEXT    NOT NULL,
            {JournalTable.Payload}        BLOB    NOT NULL,
            {JournalTable.CreatedAt}      INTEGER NOT NULL,
            {JournalTable.Tags}           TEXT    NOT NULL DEFAULT '',
            {JournalTable.WriterId}       TEXT    NOT NULL,
            {JournalTable.WriterEpoch}    INTEGER NOT NULL DEFAULT 0,
            {JournalTable.Deleted}        INTEGER NOT NULL DEFAULT 0,
            UNIQUE ({JournalTable.PersistenceId}, {JournalTable.SequenceNr})
        );
        """;

    public const string Snapshots = $"""
        CREATE TABLE IF NOT EXISTS {SnapshotTable.Name} (
            {SnapshotTable.PersistenceId} TEXT    NOT NULL,
            {SnapshotTable.SequenceNr}    INTEGER NOT NULL,
            {SnapshotTable.CreatedAt}     INTEGER NOT NULL,
            {SnapshotTable.Manifest}      TEXT    NOT NULL,
            {SnapshotTable.Payload}       BLOB    NOT NULL,
            PRIMARY KEY ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr})
        );
        """;
}
