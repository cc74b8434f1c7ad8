using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>The journal and snapshot tables in PostgreSQL types (names from <see cref="JournalTable"/> and <see cref="SnapshotTable"/>).</summary>
internal static class PostgresSchema
{
    // Serialises schema creation between nodes and stores starting at once (CREATE ... IF NOT EXISTS races on the catalog).
    public const long CreationLockKey = 0x4A6F75726E616C;

    /// <param name="schema">The quoted schema name.</param>
    public static string CreateTables(string schema) => $"""
        CREATE TABLE IF NOT EXISTS {schema}.{JournalTable.Name} (
            {JournalTable.Ordering}       BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            {JournalTable.PersistenceId}  TEXT    NOT NULL,
            {JournalTable.SequenceNr}     BIGINT  NOT NULL,
            {JournalTable.Manifest}       TEXT    NOT NULL,
            {JournalTable.Payload}        BYTEA   NOT NULL,
            {JournalTable.CreatedAt}      BIGINT  NOT NULL,
            {JournalTable.Tags}           TEXT[]  NOT NULL DEFAULT ARRAY[]::text[],
            {JournalTable.WriterId}       TEXT    NOT NULL,
            {JournalTable.WriterEpoch}    BIGINT  NOT NULL DEFAULT 0,
            {JournalTable.Deleted}        BOOLEAN NOT NULL DEFAULT FALSE,
            CONSTRAINT {JournalTable.Name}_{JournalTable.PersistenceId}_{JournalTable.SequenceNr}_key UNIQUE ({JournalTable.PersistenceId}, {JournalTable.SequenceNr})
        );
        CREATE INDEX IF NOT EXISTS {JournalTable.Name}_{JournalTable.Tags}_idx ON {schema}.{JournalTable.Name} USING GIN ({JournalTable.Tags});
        CREATE TABLE IF NOT EXISTS {schema}.{SnapshotTable.Name} (
            {SnapshotTable.PersistenceId} TEXT   NOT NULL,
            {SnapshotTable.SequenceNr}    BIGINT NOT NULL,
            {SnapshotTable.CreatedAt}     BIGINT NOT NULL,
            {SnapshotTable.Manifest}      TEXT   NOT NULL,
            {SnapshotTable.Payload}       BYTEA  NOT NULL,
            PRIMARY KEY ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr})
        );
        """;
}
