using System.Globalization;
using System.Text;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Trading.Backup;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Trading.Tests.Backup;

/// <summary>Online backups of the SQLite journal: consistent while written, atomic, named by UTC time, with retention.</summary>
public sealed class JournalBackupTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 21, 30, 15, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new("backup");
    private readonly FixedClock _clock = new(Start);
    private PersistenceStores? _stores;

    private string DataDir => _dir.Path;

    private string JournalPath => _dir.File("actortrader.db");

    private string BackupDir => Path.Combine(DataDir, "backups");

    private JournalBackup Backup(int keep = 7) => new(new BackupSettings(BackupDir, keep), _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stores is not null) await _stores.DisposeAsync();
    }

    // xunit calls this after DisposeAsync, once the journal's connections are closed.
    public void Dispose() => _dir.Dispose();

    private async Task<IJournal> StartJournalAsync()
    {
        _stores = SqliteStoreFactory.Create(new SqliteStoreOptions(JournalPath));
        await _stores.StartAsync();
        return _stores.Journal;
    }

    private static Task WriteAsync(IJournal journal, string persistenceId, long sequenceNr) =>
        journal.WriteAsync([new PersistentRepr(persistenceId, sequenceNr, "test-event", Encoding.UTF8.GetBytes($"{{\"v\":1,\"data\":{sequenceNr}}}"), Start, [], "writer")]);

    private static List<string> Rows(string databasePath)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var db = new SqliteConnection(connection);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT {JournalTable.Ordering}, {JournalTable.PersistenceId}, {JournalTable.SequenceNr}, {JournalTable.Payload} FROM {JournalTable.Name} ORDER BY {JournalTable.Ordering}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}|{reader.GetString(1)}|{reader.GetInt64(2)}|{Convert.ToHexString((byte[])reader[3])}"));
        return rows;
    }

    private static string Check(string databasePath)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task A_backup_taken_while_a_writer_keeps_writing_is_a_valid_database_with_the_same_rows()
    {
        var journal = await StartJournalAsync();
        for (var n = 1; n <= 200; n++) await WriteAsync(journal, "before", n);
        using var stop = new CancellationTokenSource();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            for (var n = 1L; !stop.IsCancellationRequested; n++)
            {
                await WriteAsync(journal, "during", n);
                writing.TrySetResult();
            }
        });
        await writing.Task;

        var result = await Task.Run(() => Backup().BackupSqlite(JournalPath));
        await stop.CancelAsync();
        await writer;

        var copy = result.Files[0].Destination;
        var copied = Rows(copy);
        var source = Rows(JournalPath);
        Assert.Equal("ok", Check(copy));
        Assert.True(copied.Count > 200, $"the backup holds {copied.Count} rows, fewer than the 201 written before it started");
        Assert.Equal(source.Take(copied.Count), copied);
    }

    [Fact]
    public async Task The_backup_is_named_by_the_utc_time_and_holds_the_journal_and_the_snapshot_file()
    {
        await StartJournalAsync();

        var result = Backup().BackupSqlite(JournalPath);

        Assert.Equal(Path.Combine(BackupDir, "20260105-213015"), result.Directory);
        Assert.Equal(Start, result.TakenAt);
        Assert.Equal(["actortrader.db", "actortrader.snapshots.db"], result.Files.Select(f => Path.GetFileName(f.Destination)));
        Assert.All(result.Files, f => Assert.Equal(new FileInfo(f.Destination).Length, f.Bytes));
        Assert.Equal("ok", Check(result.Files[1].Destination));
    }

    [Fact]
    public async Task A_finished_backup_leaves_no_temporary_directory_and_no_wal_files()
    {
        await StartJournalAsync();

        var result = Backup().BackupSqlite(JournalPath);

        Assert.Equal([result.Directory], Directory.GetDirectories(BackupDir));
        Assert.Equal(["actortrader.db", "actortrader.snapshots.db", BackupManifest.FileName], Directory.GetFiles(result.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_the_newest_backups_are_kept_and_other_entries_are_left_alone()
    {
        await StartJournalAsync();
        Directory.CreateDirectory(Path.Combine(BackupDir, "keep-me"));
        var backup = Backup(keep: 2);
        var first = backup.BackupSqlite(JournalPath);
        _clock.Now = Start.AddMinutes(1);
        var second = backup.BackupSqlite(JournalPath);
        _clock.Now = Start.AddDays(1);

        var third = backup.BackupSqlite(JournalPath);

        Assert.Equal([first.Directory], third.Deleted);
        Assert.Equal(
            [Path.Combine(BackupDir, "20260105-213115"), Path.Combine(BackupDir, "20260106-213015"), Path.Combine(BackupDir, "keep-me")],
            Directory.GetDirectories(BackupDir).Order(StringComparer.Ordinal));
        Assert.Empty(second.Deleted);
    }

    [Fact]
    public void A_missing_journal_is_an_error_naming_the_path_and_the_setting()
    {
        var error = Assert.Throws<JournalBackupException>(() => Backup().BackupSqlite(JournalPath));

        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader.persistence.sqlite.path", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(BackupDir));
    }

    [Fact]
    public async Task A_backup_directory_that_cannot_be_created_is_an_error_naming_it_and_the_fix()
    {
        await StartJournalAsync();
        File.WriteAllText(Path.Combine(DataDir, "blocked"), "a file where the backup directory should be");
        var backup = new JournalBackup(new BackupSettings(Path.Combine(DataDir, "blocked", "backups"), 3), _clock);

        var error = Assert.Throws<JournalBackupException>(() => backup.BackupSqlite(JournalPath));

        Assert.Contains(Path.Combine(DataDir, "blocked", "backups"), error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader.trading.backup.dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_fails_the_backup_and_leaves_no_partial_directory()
    {
        File.WriteAllText(JournalPath, "this is not a SQLite database, just text long enough to have a header of sorts.......");

        var error = Assert.Throws<JournalBackupException>(() => Backup().BackupSqlite(JournalPath));

        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(BackupDir));
    }

    [Fact]
    public async Task The_configured_sqlite_journal_is_found_under_the_data_directory()
    {
        await StartJournalAsync();

        var result = Backup().Run(PersistenceSettings.Default, DataDir);

        Assert.Equal(JournalPath, result.Files[0].Source);
    }

    [Fact]
    public void A_postgresql_journal_is_refused_with_pg_dump_as_the_fix()
    {
        var error = Assert.Throws<JournalBackupException>(() => Backup().Run(PersistenceSettings.Default with { Journal = "postgresql" }, DataDir));

        Assert.Contains("pg_dump", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memory_journal_has_nothing_to_back_up()
    {
        var error = Assert.Throws<JournalBackupException>(() => Backup().Run(PersistenceSettings.Default with { Journal = "memory" }, DataDir));

        Assert.Contains("journal = sqlite", error.Message, StringComparison.Ordinal);
    }
}
