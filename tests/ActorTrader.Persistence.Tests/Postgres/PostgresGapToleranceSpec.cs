using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Sql;
using Npgsql;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>
/// PostgreSQL can make ordering 2 visible while ordering 1 is still in flight. Tag and all-events reads
/// must not step past 1 until it commits, or until the gap timeout says it never will.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGapToleranceSpec(PostgresServerFixture server)
{
    [Fact]
    public async Task All_events_wait_for_an_ordering_still_in_flight_and_return_it_once_committed()
    {
        await using var backend = new PostgresTestBackend(server, gapTimeout: TimeSpan.FromMinutes(5));
        var stores = await backend.OpenStoresAsync();
        await using var holder = await server.OpenConnectionAsync();
        await using var slow = await holder.BeginTransactionAsync();
        var inFlight = await InsertUncommittedAsync(holder, slow, backend, Event("slow", 1, "t"));
        await stores.Journal.WriteAsync([Event("fast", 1, "t")]);
        var query = (PostgresJournalQuery)stores.Query;
        var waiting = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        query.WaitingForGap = ordering => waiting.TrySetResult(ordering);

        var reading = query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync();

        // A query that ignores the gap completes instead of waiting, and fails here rather than hanging.
        await Task.WhenAny(waiting.Task, reading);
        Assert.False(reading.IsCompleted, "the query returned while an earlier ordering was still in flight");
        Assert.Equal(inFlight, await waiting.Task);
        await slow.CommitAsync();
        Assert.Equal([("slow", 1L), ("fast", 1L)], (await reading).Keys());
    }

    [Fact]
    public async Task Events_by_tag_wait_for_an_untagged_ordering_still_in_flight()
    {
        await using var backend = new PostgresTestBackend(server, gapTimeout: TimeSpan.FromMinutes(5));
        var stores = await backend.OpenStoresAsync();
        await using var holder = await server.OpenConnectionAsync();
        await using var slow = await holder.BeginTransactionAsync();
        var inFlight = await InsertUncommittedAsync(holder, slow, backend, Event("slow", 1, "other"));
        await stores.Journal.WriteAsync([Event("fast", 1, "t")]);
        var query = (PostgresJournalQuery)stores.Query;
        var waiting = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        query.WaitingForGap = ordering => waiting.TrySetResult(ordering);

        var reading = query.CurrentEventsByTagAsync("t", 0, int.MaxValue).CollectAsync();

        // A query that ignores the gap completes instead of waiting, and fails here rather than hanging.
        await Task.WhenAny(waiting.Task, reading);
        Assert.False(reading.IsCompleted, "the query returned while an earlier ordering was still in flight");
        Assert.Equal(inFlight, await waiting.Task);
        await slow.CommitAsync();
        Assert.Equal([("fast", 1L)], (await reading).Keys());
    }

    [Fact]
    public async Task An_ordering_still_missing_after_the_gap_timeout_is_skipped()
    {
        await using var backend = new PostgresTestBackend(server, gapTimeout: TimeSpan.Zero);
        var stores = await backend.OpenStoresAsync();
        await using var holder = await server.OpenConnectionAsync();
        await using var slow = await holder.BeginTransactionAsync();
        await InsertUncommittedAsync(holder, slow, backend, Event("slow", 1));
        await stores.Journal.WriteAsync([Event("fast", 1)]);

        var events = await stores.Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync();

        Assert.Equal([("fast", 1L)], events.Keys());
    }

    [Fact]
    public async Task An_ordering_of_a_rolled_back_transaction_is_skipped_once_the_gap_timeout_passes()
    {
        await using var backend = new PostgresTestBackend(server, gapTimeout: TimeSpan.FromMilliseconds(300));
        var stores = await backend.OpenStoresAsync();
        await using (var holder = await server.OpenConnectionAsync())
        {
            await using var abandoned = await holder.BeginTransactionAsync();
            await InsertUncommittedAsync(holder, abandoned, backend, Event("abandoned", 1, "t"));
            await abandoned.RollbackAsync();
        }

        await stores.Journal.WriteAsync([Event("kept", 1, "t")]);
        var query = (PostgresJournalQuery)stores.Query;
        var waits = 0;
        query.WaitingForGap = _ => Interlocked.Increment(ref waits);

        var tagged = await query.CurrentEventsByTagAsync("t", 0, int.MaxValue).CollectAsync();

        Assert.Equal([("kept", 1L)], tagged.Keys());
        Assert.True(waits > 0, "the query should have waited for the gap before skipping it");
    }

    private static async Task<long> InsertUncommittedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresTestBackend backend, PersistentRepr e)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {backend.JournalTable} ({JournalTable.PersistenceId}, {JournalTable.SequenceNr}, {JournalTable.Manifest}, {JournalTable.Payload},
                {JournalTable.CreatedAt}, {JournalTable.Tags}, {JournalTable.WriterId}, {JournalTable.WriterEpoch})
            VALUES (@persistence_id, @sequence_nr, @manifest, @payload, @created_at, @tags, @writer_id, @writer_epoch)
            RETURNING {JournalTable.Ordering}
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("persistence_id", e.PersistenceId);
        command.Parameters.AddWithValue("sequence_nr", e.SequenceNr);
        command.Parameters.AddWithValue("manifest", e.Manifest);
        command.Parameters.AddWithValue("payload", e.Payload);
        command.Parameters.AddWithValue("created_at", e.Timestamp.UtcTicks);
        command.Parameters.AddWithValue("tags", e.Tags.ToArray());
        command.Parameters.AddWithValue("writer_id", e.WriterId);
        command.Parameters.AddWithValue("writer_epoch", e.Epoch);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
