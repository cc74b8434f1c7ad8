using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>
/// Snapshots live in a SQLite file of their own next to the journal's, because SQLite has one writer per file:
/// a snapshot save must never make a journal commit wait. Files from earlier builds (both tables in one) are moved over.
/// </summary>
public sealed class SqliteSnapshotFileSpec
{
    // A write that has to wait for a held lock fails once this runs out, so "waited" shows up as an error, not as slowness.
    private static readonly TimeSpan ShortBusyTimeout = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Events_go_to_the_journal_file_and_snapshots_to_their_own_file_next_to_it()
    {
        await using var backend = new SqliteTestBackend();
        var stores = await backend.OpenStoresAsync();

        await stores.Journal.WriteAsync([Event("ledger", 1)]);
        await stores.SnapshotStore.SaveAsync(Snapshot("ledger", 1));

        Assert.Equal(Path.Combine(backend.Directory, "actortrader.snapshots.db"), ((SqliteSnapshotStore)stores.SnapshotStore).FilePath);
        Assert.Equal(backend.DatabasePath, ((SqliteJournal)stores.Journal).FilePath);
        Assert.Equal([JournalTable.Name], await SqliteRawFile.TablesAsync(backend.DatabasePath));
        Assert.Equal([SnapshotTable.Name], await SqliteRawFile.TablesAsync(backend.SnapshotDatabasePath));
        Assert.Equal(1L, await SqliteRawFile.ScalarAsync(backend.DatabasePath, $"SELECT count(*) FROM {JournalTable.Name}"));
        Assert.Equal(1L, await SqliteRawFile.ScalarAsync(backend.SnapshotDatabasePath, $"SELECT count(*) FROM {SnapshotTable.Name}"));
    }

    [Fact]
    public async Task Journal_writes_commit_while_another_connection_holds_the_snapshot_files_write_lock()
    {
        await using var backend = new SqliteTestBackend();
        backend.Options = backend.Options with { BusyTimeout = ShortBusyTimeout };
        var stores = await backend.OpenStoresAsync();

        // Stands in for a snapshot save in progress: the write lock on the file the snapshot store writes, held throughout.
        var snapshotFile = ((SqliteSnapshotStore)stores.SnapshotStore).FilePath;
        await using (await SqliteRawFile.HoldWriteLockAsync(snapshotFile))
        {
            await Task.WhenAll(Enumerable.Range(1, 20).Select(n => stores.Journal.WriteAsync(Events($"trader-{n}", 1, 3))));

            Assert.Equal(3, await stores.Journal.ReadHighestSequenceNrAsync("trader-20"));
            Assert.Equal(60, (await stores.Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync()).Count);
        }
    }

    [Fact]
    public async Task Control_the_same_lock_held_on_the_journal_file_does_stop_journal_writes()
    {
        // What the test above would meet if snapshots still shared the journal's file.
        await using var backend = new SqliteTestBackend();
        backend.Options = backend.Options with { BusyTimeout = ShortBusyTimeout };
        var stores = await backend.OpenStoresAsync();

        await using (await SqliteRawFile.HoldWriteLockAsync(backend.DatabasePath))
        {
            var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.Journal.WriteAsync(Events("trader-1", 1, 3)));

            Assert.Contains($"{backend.DatabasePath} is locked by another connection or process", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, await stores.Journal.ReadHighestSequenceNrAsync("trader-1"));
    }
}
