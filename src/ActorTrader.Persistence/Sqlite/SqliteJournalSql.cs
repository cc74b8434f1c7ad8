using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>The journal's read and delete statements in SQLite's dialect.</summary>
internal static class SqliteJournalSql
{
    public const string EventsByPersistenceId = $"""
        SELECT {JournalTable.SelectColumns} FROM {JournalTable.Name}
        WHERE {JournalTable.PersistenceId} = $persistence_id AND {JournalTable.SequenceNr} BETWEEN $from AND $to AND {JournalTable.Deleted} = 0
        ORDER BY {JournalTable.SequenceNr}
        LIMIT $max
        """;

    public const string HighestSequenceNr = $"""
        SELECT COALESCE(MAX({JournalTable.SequenceNr}), 0) FROM {JournalTable.Name} WHERE {JournalTable.PersistenceId} = $persistence_id
        """;

    public const string MarkDeleted = $"""
        UPDATE {JournalTable.Name} SET {JournalTable.Deleted} = 1
        WHERE {JournalTable.PersistenceId} = $persistence_id AND {JournalTable.SequenceNr} <= $to AND {JournalTable.Deleted} = 0
        """;

    public const string EventsByTag = $"""
        SELECT {JournalTable.SelectColumns} FROM {JournalTable.Name}
        WHERE {JournalTable.Ordering} > $after AND {JournalTable.Deleted} = 0 AND instr({JournalTable.Tags}, $needle) > 0
        ORDER BY {JournalTable.Ordering}
        LIMIT $max
        """;

    public const string AllEvents = $"""
        SELECT {JournalTable.SelectColumns} FROM {JournalTable.Name}
        WHERE {JournalTable.Ordering} > $after AND {JournalTable.Deleted} = 0
        ORDER BY {JournalTable.Ordering}
        LIMIT $max
        """;

    public const string MaxOrdering = $"SELECT COALESCE(MAX({JournalTable.Ordering}), 0) FROM {JournalTable.Name}";

    public const string PersistenceIds = $"SELECT DISTINCT {JournalTable.PersistenceId} FROM {JournalTable.Name} ORDER BY {JournalTable.PersistenceId}";
}
