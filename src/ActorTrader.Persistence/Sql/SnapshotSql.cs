namespace ActorTrader.Persistence.Sql;

/// <summary>
/// Snapshot statements; the text is the same in SQLite and PostgreSQL, only the table name differs
/// (PostgreSQL qualifies it with the configured schema). Parameters: @persistence_id, @sequence_nr,
/// @created_at, @manifest, @payload, @max_sequence_nr, @max_created_at.
/// </summary>
internal sealed class SnapshotSql
{
    public SnapshotSql(string table)
    {
        Save = $"""
            INSERT INTO {table} ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr}, {SnapshotTable.CreatedAt}, {SnapshotTable.Manifest}, {SnapshotTable.Payload})
            VALUES (@persistence_id, @sequence_nr, @created_at, @manifest, @payload)
            ON CONFLICT ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr}) DO UPDATE SET
                {SnapshotTable.CreatedAt} = excluded.{SnapshotTable.CreatedAt},
                {SnapshotTable.Manifest} = excluded.{SnapshotTable.Manifest},
                {SnapshotTable.Payload} = excluded.{SnapshotTable.Payload}
            """;
        LoadNewest = $"""
            SELECT {SnapshotTable.SelectColumns} FROM {table}
            WHERE {SnapshotTable.PersistenceId} = @persistence_id AND {SnapshotTable.SequenceNr} <= @max_sequence_nr AND {SnapshotTable.CreatedAt} <= @max_created_at
            ORDER BY {SnapshotTable.SequenceNr} DESC
            LIMIT 1
            """;
        Delete = $"""
            DELETE FROM {table}
            WHERE {SnapshotTable.PersistenceId} = @persistence_id AND {SnapshotTable.SequenceNr} <= @max_sequence_nr AND {SnapshotTable.CreatedAt} <= @max_created_at
            """;
    }

    /// <summary>Stores a snapshot, replacing one with the same id and sequence number.</summary>
    public string Save { get; }

    /// <summary>The matching snapshot with the highest sequence number.</summary>
    public string LoadNewest { get; }

    public string Delete { get; }
}
