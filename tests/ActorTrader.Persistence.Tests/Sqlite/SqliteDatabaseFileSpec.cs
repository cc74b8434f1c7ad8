using System.Text;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sqlite;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>Bad database files and a hostile file system give errors that name the file and the fix, and never lose an acknowledged event.</summary>
public sealed class SqliteDatabaseFileSpec
{
    [Theory]
    [InlineData(StoreFile.Journal)]
    [InlineData(StoreFile.Snapshots)]
    public async Task A_file_that_is_not_a_SQLite_database_fails_start_naming_the_file_and_the_fix_and_stays_untouched(StoreFile file)
    {
        await using var backend = new SqliteTestBackend();
        var path = PathOf(backend, file);
        var garbage = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("these are not the pages you are looking for. ", 100)));
        await File.WriteAllBytesAsync(path, garbage);

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => backend.OpenStoresAsync());

        Assert.Contains(
            $"{path} is not a SQLite database (file is not a database). Fix: point actortrader.persistence.sqlite.path at the journal or move the file away",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_missing_directory_fails_start_naming_the_directory()
    {
        await using var backend = new SqliteTestBackend();
        var missing = Path.Combine(backend.Directory, "no-such-dir");
        backend.Options = backend.Options with { DatabasePath = Path.Combine(missing, "actortrader.db") };

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => backend.OpenStoresAsync());

        Assert.Contains($"The directory {missing} of the SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Theory]
    [InlineData(StoreFile.Journal)]
    [InlineData(StoreFile.Snapshots)]
    public async Task A_directory_where_the_database_file_should_be_fails_start(StoreFile file)
    {
        await using var backend = new SqliteTestBackend();
        var path = PathOf(backend, file);
        Directory.CreateDirectory(path);

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => backend.OpenStoresAsync());

        Assert.Contains($"{path} is a directory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreFile.Journal)]
    [InlineData(StoreFile.Snapshots)]
    public async Task A_missing_database_file_is_created_in_write_ahead_log_mode(StoreFile file)
    {
        await using var backend = new SqliteTestBackend();
        await backend.OpenStoresAsync();

        Assert.Equal("wal", await SqliteRawFile.ScalarAsync(PathOf(backend, file), "PRAGMA journal_mode"));
    }

    [Theory]
    [InlineData(StoreFile.Journal)]
    [InlineData(StoreFile.Snapshots)]
    public async Task Every_connection_commits_with_synchronous_FULL_also_when_it_comes_back_from_the_pool(StoreFile file)
    {
        // synchronous is per connection, not stored in the file: each open must set it again.
        await using var backend = new SqliteTestBackend();
        await backend.OpenStoresAsync();
        var database = file == StoreFile.Journal ? SqliteDatabase.ForJournal(backend.Options) : SqliteDatabase.ForSnapshots(backend.Options);
        Assert.Equal(PathOf(backend, file), database.FilePath);

        foreach (var writing in new[] { true, false, true })
        {
            await using var connection = database.Open(writing, "checking the pragmas");
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(2L, await command.ExecuteScalarAsync()); // 2 = FULL
        }
    }

    [Fact]
    public async Task A_database_locked_by_another_writer_beyond_the_busy_timeout_fails_the_write_and_loses_nothing()
    {
        await using var backend = new SqliteTestBackend();
        backend.Options = backend.Options with { BusyTimeout = TimeSpan.FromMilliseconds(200) };
        var stores = await backend.OpenStoresAsync();
        await stores.Journal.WriteAsync([Event("order-1", 1)]);

        await using (await SqliteRawFile.HoldWriteLockAsync(backend.DatabasePath))
        {
            var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.Journal.WriteAsync([Event("order-1", 2)]));

            Assert.Contains($"{backend.DatabasePath} is locked by another connection or process", error.Message, StringComparison.Ordinal);
            Assert.Contains("actortrader.persistence.sqlite.busy-timeout", error.Message, StringComparison.Ordinal);
        }

        await stores.Journal.WriteAsync([Event("order-1", 2)]);
        var replayed = await stores.Journal.ReplayAsync("order-1", 1, long.MaxValue, long.MaxValue).CollectAsync();
        Assert.Equal([1L, 2], replayed.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task A_snapshot_file_locked_by_another_writer_beyond_the_busy_timeout_fails_the_save_naming_that_file_and_loses_nothing()
    {
        await using var backend = new SqliteTestBackend();
        backend.Options = backend.Options with { BusyTimeout = TimeSpan.FromMilliseconds(200) };
        var stores = await backend.OpenStoresAsync();
        await stores.SnapshotStore.SaveAsync(Snapshot("ledger", 1));

        await using (await SqliteRawFile.HoldWriteLockAsync(backend.SnapshotDatabasePath))
        {
            var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.SnapshotStore.SaveAsync(Snapshot("ledger", 2)));

            Assert.Contains($"{backend.SnapshotDatabasePath} is locked by another connection or process", error.Message, StringComparison.Ordinal);
            Assert.Contains("saving the snapshot of 'ledger' at 2 failed and nothing was written", error.Message, StringComparison.Ordinal);
            Assert.Contains("actortrader.persistence.sqlite.busy-timeout", error.Message, StringComparison.Ordinal);
        }

        AssertSame(Snapshot("ledger", 1), await stores.SnapshotStore.LoadAsync("ledger", SnapshotSelectionCriteria.Latest));
        await stores.SnapshotStore.SaveAsync(Snapshot("ledger", 2));
        Assert.Equal(2, (await stores.SnapshotStore.LoadAsync("ledger", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task A_full_disk_fails_the_write_with_a_clear_error_and_keeps_every_acknowledged_event()
    {
        await using var backend = new SqliteTestBackend();
        var first = await backend.OpenStoresAsync();
        await first.Journal.WriteAsync([Event("filler", 1)]);
        await first.DisposeAsync();
        var uncapped = backend.Options;
        // The cap cannot shrink the file, so it pins the database at its current size: the next page it needs fails like a full disk.
        backend.Options = uncapped with { MaxPageCount = 1 };
        var capped = await backend.OpenStoresAsync();

        var acknowledged = new List<long> { 1 };
        PersistenceStoreException? failure = null;
        for (var n = 2; n <= 500 && failure is null; n++)
        {
            try
            {
                await capped.Journal.WriteAsync([Event("filler", n) with { Payload = new byte[2000] }]);
                acknowledged.Add(n);
            }
            catch (PersistenceStoreException ex)
            {
                failure = ex;
            }
        }

        Assert.NotNull(failure);
        Assert.Contains($"{backend.DatabasePath}: database or disk is full", failure.Message, StringComparison.Ordinal);
        Assert.Contains("earlier events are intact. Fix: free disk space", failure.Message, StringComparison.Ordinal);
        await capped.DisposeAsync();
        backend.Options = uncapped;
        var reopened = await backend.OpenStoresAsync();
        var replayed = await reopened.Journal.ReplayAsync("filler", 1, long.MaxValue, long.MaxValue).CollectAsync();
        Assert.Equal(acknowledged, replayed.Select(e => e.SequenceNr));
        await reopened.Journal.WriteAsync([Event("filler", acknowledged[^1] + 1)]);
    }

    [Fact]
    public async Task A_database_file_deleted_while_running_refuses_further_writes()
    {
        await using var backend = new SqliteTestBackend();
        var stores = await backend.OpenStoresAsync();
        await stores.Journal.WriteAsync([Event("order-1", 1)]);
        foreach (var file in Directory.GetFiles(backend.Directory))
        {
            File.Delete(file);
        }

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.Journal.WriteAsync([Event("order-1", 2)]));

        Assert.Contains($"The SQLite database {backend.DatabasePath} was deleted or moved while the node was running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_file_deleted_while_running_refuses_further_saves_naming_it_and_where_it_belongs()
    {
        await using var backend = new SqliteTestBackend();
        var stores = await backend.OpenStoresAsync();
        await stores.SnapshotStore.SaveAsync(Snapshot("ledger", 1));
        foreach (var file in Directory.GetFiles(backend.Directory, Path.GetFileName(backend.SnapshotDatabasePath) + "*"))
        {
            File.Delete(file);
        }

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.SnapshotStore.SaveAsync(Snapshot("ledger", 2)));

        Assert.Contains($"The SQLite database {backend.SnapshotDatabasePath} was deleted or moved while the node was running", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: stop the node, put the file (with its -wal file) back next to the journal, and start again", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(backend.SnapshotDatabasePath)); // the refused save did not create an empty file in its place
    }

    private static string PathOf(SqliteTestBackend backend, StoreFile file) =>
        file == StoreFile.Journal ? backend.DatabasePath : backend.SnapshotDatabasePath;
}
