using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>The journal's statements in PostgreSQL's dialect, for one schema-qualified table.</summary>
internal sealed class PostgresJournalSql
{
    public PostgresJournalSql(string table)
    {
        // One statement for any number of rows: parallel arrays unnested in their order, so orderings follow
        // the order of the writes. Tags arrive separator-framed (TagEncoding) because arrays cannot nest ragged.
        Insert = $"""
            INSERT INTO {table} ({JournalTable.PersistenceId}, {JournalTable.SequenceNr}, {JournalTable.Manifest}, {JournalTable.Payload},
                {JournalTable.CreatedAt}, {JournalTable.Tags}, {JournalTable.WriterId}, {JournalTable.WriterEpoch})
            SELECT e.persistence_id, e.sequence_nr, e.manifest, e.payload, e.created_at,
                   CASE WHEN e.tags = '' THEN ARRAY[]::text[] ELSE string_to_array(btrim(e.tags, chr(31)), chr(31)) END,
                   e.writer_id, e.writer_epoch
            FROM unnest(@persistence_ids, @sequence_nrs, @manifests, @payloads, @created_ats, @tags, @writer_ids, @writer_epochs)
                 WITH ORDINALITY AS e(persistence_id, sequence_nr, manifest, payload, created_at, tags, writer_id, writer_epoch, position)
            ORDER BY e.position
            """;
        FirstExistingSequenceNr = $"""
            SELECT MIN({JournalTable.SequenceNr}) FROM {table}
            WHERE {JournalTable.PersistenceId} = @persistence_id AND {JournalTable.SequenceNr} BETWEEN @from AND @to
            """;
        EventsByPersistenceId = $"""
            SELECT {JournalTable.SelectColumns} FROM {table}
            WHERE {JournalTable.PersistenceId} = @persistence_id AND {JournalTable.SequenceNr} BETWEEN @from AND @to AND NOT {JournalTable.Deleted}
            ORDER BY {JournalTable.SequenceNr}
            LIMIT @max
            """;
        HighestSequenceNr = $"""
            SELECT COALESCE(MAX({JournalTable.SequenceNr}), 0) FROM {table} WHERE {JournalTable.PersistenceId} = @persistence_id
            """;
        MarkDeleted = $"""
            UPDATE {table} SET {JournalTable.Deleted} = TRUE
            WHERE {JournalTable.PersistenceId} = @persistence_id AND {JournalTable.SequenceNr} <= @to AND NOT {JournalTable.Deleted}
            """;
        OrderingsAfter = $"""
            SELECT {JournalTable.Ordering} FROM {table} WHERE {JournalTable.Ordering} > @after ORDER BY {JournalTable.Ordering} LIMIT @window
            """;
        EventsByTag = $"""
            SELECT {JournalTable.SelectColumns} FROM {table}
            WHERE {JournalTable.Ordering} > @after AND {JournalTable.Ordering} <= @up_to AND NOT {JournalTable.Deleted} AND {JournalTable.Tags} @> ARRAY[@tag]::text[]
            ORDER BY {JournalTable.Ordering}
            LIMIT @max
            """;
        AllEvents = $"""
            SELECT {JournalTable.SelectColumns} FROM {table}
            WHERE {JournalTable.Ordering} > @after AND {JournalTable.Ordering} <= @up_to AND NOT {JournalTable.Deleted}
            ORDER BY {JournalTable.Ordering}
            LIMIT @max
            """;
        MaxOrdering = $"SELECT COALESCE(MAX({JournalTable.Ordering}), 0) FROM {table}";
        PersistenceIds = $"SELECT DISTINCT {JournalTable.PersistenceId} FROM {table} ORDER BY {JournalTable.PersistenceId}";
    }

    public string Insert { get; }

    /// <summary>After a unique violation: the first sequence number of the rejected write that already exists.</summary>
    public string FirstExistingSequenceNr { get; }

    public string EventsByPersistenceId { get; }

    public string HighestSequenceNr { get; }

    public string MarkDeleted { get; }

    /// <summary>Visible orderings after an offset, deleted rows included: the gap check walks these.</summary>
    public string OrderingsAfter { get; }

    public string EventsByTag { get; }

    public string AllEvents { get; }

    public string MaxOrdering { get; }

    public string PersistenceIds { get; }
}
