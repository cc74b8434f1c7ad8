using System.Globalization;
using System.Runtime.CompilerServices;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Query;
using ActorTrader.Persistence.Sql;
using Npgsql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>
/// Read-model queries on the PostgreSQL journal. Tag and all-events reads never run past an ordering that
/// may still commit: each round first walks the visible orderings after the offset, reads events only up
/// to the first open gap, and waits for that gap to fill (up to the gap timeout) before going on.
/// </summary>
public sealed class PostgresJournalQuery : IJournalQuery, IAsyncDisposable
{
    private const int OrderingWindow = 10_000;

    private readonly PostgresDatabase _database;
    private readonly PostgresJournalSql _sql;
    private readonly OrderingGapTracker _gaps;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;
    private readonly bool _ownsDatabase;

    /// <summary>A query with a connection pool of its own; dispose it with <see cref="DisposeAsync"/>.</summary>
    public PostgresJournalQuery(PostgresStoreOptions options)
        : this(new PostgresDatabase(options), TimeProvider.System, ownsDatabase: true)
    {
    }

    internal PostgresJournalQuery(PostgresDatabase database, TimeProvider time, bool ownsDatabase)
    {
        _database = database;
        _time = time;
        _ownsDatabase = ownsDatabase;
        _sql = new PostgresJournalSql(database.JournalTableName);
        var gapTimeout = database.Options.GapTimeout;
        _gaps = new OrderingGapTracker(gapTimeout, time);
        _pollInterval = TimeSpan.FromMilliseconds(Math.Clamp(gapTimeout.TotalMilliseconds / 20, 5, 100));
    }

    /// <summary>Called with the first missing ordering each time a read waits for a gap (diagnostics and tests).</summary>
    internal Action<long>? WaitingForGap { get; set; }

    public IAsyncEnumerable<PersistentRepr> CurrentEventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return PostgresReads.StreamAsync(
            _database,
            _sql.EventsByPersistenceId,
            p =>
            {
                p.AddWithValue("persistence_id", persistenceId);
                p.AddWithValue("from", fromSequenceNr);
                p.AddWithValue("to", toSequenceNr);
                p.AddWithValue("max", long.MaxValue);
            },
            JournalRowReader.Read,
            $"reading events of '{persistenceId}'",
            cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> CurrentEventsByTagAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return ReadBehindGapsAsync(_sql.EventsByTag, p => p.AddWithValue("tag", tag), afterOrdering, max, $"reading events tagged '{tag}'", cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> CurrentAllEventsAsync(long afterOrdering, int max, CancellationToken cancellationToken = default) =>
        ReadBehindGapsAsync(_sql.AllEvents, _ => { }, afterOrdering, max, "reading all events", cancellationToken);

    /// <summary>The highest visible ordering; orderings below it may still be in flight (see the tag and all-events reads).</summary>
    public async Task<long> MaxOrderingAsync(CancellationToken cancellationToken = default) =>
        Convert.ToInt64(
            await PostgresReads.ScalarAsync(_database, _sql.MaxOrdering, _ => { }, "reading the highest ordering", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);

    public IAsyncEnumerable<string> CurrentPersistenceIdsAsync(CancellationToken cancellationToken = default) =>
        PostgresReads.StreamAsync(_database, _sql.PersistenceIds, _ => { }, r => r.GetString(0), "reading persistence ids", cancellationToken);

    /// <summary>Releases the connection pool when this query owns it.</summary>
    public ValueTask DisposeAsync() => _ownsDatabase ? _database.DisposeAsync() : ValueTask.CompletedTask;

    private async IAsyncEnumerable<PersistentRepr> ReadBehindGapsAsync(
        string sql,
        Action<NpgsqlParameterCollection> bindFilter,
        long afterOrdering,
        int max,
        string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var remaining = max;
        var position = afterOrdering;
        while (remaining > 0)
        {
            var visible = await VisibleOrderingsAsync(position, operation, cancellationToken).ConfigureAwait(false);
            var range = _gaps.FindContiguous(position, visible);
            if (range.UpTo > position)
            {
                var upTo = range.UpTo;
                var rows = PostgresReads.StreamAsync(
                    _database,
                    sql,
                    p =>
                    {
                        bindFilter(p);
                        p.AddWithValue("after", position);
                        p.AddWithValue("up_to", upTo);
                        p.AddWithValue("max", remaining);
                    },
                    JournalRowReader.Read,
                    operation,
                    cancellationToken);
                await foreach (var row in rows.ConfigureAwait(false))
                {
                    remaining--;
                    yield return row;
                }

                // Every matching row up to upTo has been returned unless the limit cut it short.
                position = upTo;
                continue;
            }

            if (range.Gap is not { } gap)
            {
                yield break;
            }

            var wait = _gaps.RemainingWait(gap);
            if (wait > TimeSpan.Zero)
            {
                WaitingForGap?.Invoke(gap.From);
                await Task.Delay(wait < _pollInterval ? wait : _pollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<List<long>> VisibleOrderingsAsync(long after, string operation, CancellationToken cancellationToken)
    {
        var orderings = new List<long>();
        var rows = PostgresReads.StreamAsync(
            _database,
            _sql.OrderingsAfter,
            p =>
            {
                p.AddWithValue("after", after);
                p.AddWithValue("window", OrderingWindow);
            },
            r => r.GetInt64(0),
            operation,
            cancellationToken);
        await foreach (var ordering in rows.ConfigureAwait(false))
        {
            orderings.Add(ordering);
        }

        return orderings;
    }
}
