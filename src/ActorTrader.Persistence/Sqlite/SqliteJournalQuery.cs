using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Query;
using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>
/// Read-model queries on the SQLite journal. SQLite has one writer at a time and hands out orderings
/// inside the write transaction, so rows become visible in ordering order: a reader never sees a later
/// ordering before an earlier one commits, and the only gaps are permanent ones, which reads step over.
/// </summary>
public sealed class SqliteJournalQuery : IJournalQuery
{
    private readonly SqliteDatabase _database;

    public SqliteJournalQuery(SqliteStoreOptions options)
    {
        _database = SqliteDatabase.ForJournal(options);
    }

    public IAsyncEnumerable<PersistentRepr> CurrentEventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return SqliteReads.StreamAsync(
            _database,
            SqliteJournalSql.EventsByPersistenceId,
            p =>
            {
                p.AddWithValue("$persistence_id", persistenceId);
                p.AddWithValue("$from", fromSequenceNr);
                p.AddWithValue("$to", toSequenceNr);
                p.AddWithValue("$max", long.MaxValue);
            },
            JournalRowReader.Read,
            $"reading events of '{persistenceId}'",
            cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> CurrentEventsByTagAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return SqliteReads.StreamAsync(
            _database,
            SqliteJournalSql.EventsByTag,
            p =>
            {
                p.AddWithValue("$after", afterOrdering);
                p.AddWithValue("$needle", TagEncoding.Needle(tag));
                p.AddWithValue("$max", Math.Max(0, max));
            },
            JournalRowReader.Read,
            $"reading events tagged '{tag}'",
            cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> CurrentAllEventsAsync(long afterOrdering, int max, CancellationToken cancellationToken = default) =>
        SqliteReads.StreamAsync(
            _database,
            SqliteJournalSql.AllEvents,
            p =>
            {
                p.AddWithValue("$after", afterOrdering);
                p.AddWithValue("$max", Math.Max(0, max));
            },
            JournalRowReader.Read,
            "reading all events",
            cancellationToken);

    public Task<long> MaxOrderingAsync(CancellationToken cancellationToken = default) =>
        SqliteReads.ScalarInt64Async(_database, SqliteJournalSql.MaxOrdering, _ => { }, "reading the highest ordering", cancellationToken);

    public IAsyncEnumerable<string> CurrentPersistenceIdsAsync(CancellationToken cancellationToken = default) =>
        SqliteReads.StreamAsync(_database, SqliteJournalSql.PersistenceIds, _ => { }, r => r.GetString(0), "reading persistence ids", cancellationToken);
}
