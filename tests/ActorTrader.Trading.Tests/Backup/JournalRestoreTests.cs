using System.Globalization;
using ActorTrader.Trading.Backup;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Trading.Tests.Backup;

public sealed class JournalRestoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 21, 30, 15, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new("restore");
    private readonly FixedClock _clock = new(Start);

    public void Dispose() => _dir.Dispose();

    private string Journal => _dir.File("actortrader.db");

    private string Paper => _dir.File("paper-broker.db");

    private string BackupDir => _dir.File("backups");

    private static void Write(string path, string value)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS t (v TEXT); DELETE FROM t; INSERT INTO t VALUES ($v);";
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    private static string Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM t;";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private BackupResult TakeBackup()
    {
        Write(Journal, "journal at backup");
        Write(Paper, "paper at backup");
        return new JournalBackup(new BackupSettings(BackupDir, 7), _clock).BackupSqlite(Journal, [new DatabaseCopy(Paper)]);
    }

    [Fact]
    public void A_restore_puts_every_database_back_where_it_came_from_and_sets_the_current_ones_aside()
    {
        var backup = TakeBackup();
        Write(Journal, "journal later");
        File.Delete(Paper);

        var result = new JournalRestore(_clock).Restore(backup.Directory);

        Assert.Equal("journal at backup", Read(Journal));
        Assert.Equal("paper at backup", Read(Paper));
        var journal = result.Files.Single(f => f.Target == Journal);
        Assert.Equal(Journal + JournalRestore.AsideMarker + "20260105-213015", journal.SetAside);
        Assert.Equal("journal later", Read(journal.SetAside!));
        Assert.Null(result.Files.Single(f => f.Target == Paper).SetAside);
    }

    [Fact]
    public void A_file_inside_the_backup_names_the_backup_too()
    {
        var backup = TakeBackup();
        File.Delete(Journal);

        new JournalRestore(_clock).Restore(Path.Combine(backup.Directory, "actortrader.db"));

        Assert.Equal("journal at backup", Read(Journal));
    }

    [Fact]
    public void A_corrupt_backup_file_stops_the_restore_before_anything_changed()
    {
        var backup = TakeBackup();
        Write(Journal, "journal later");
        File.WriteAllText(Path.Combine(backup.Directory, "paper-broker.db"), "this is not a database, it is long enough to have a header................................................................");

        var error = Assert.Throws<JournalBackupException>(() => new JournalRestore(_clock).Restore(backup.Directory));

        Assert.Contains("paper-broker.db", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal("journal later", Read(Journal));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*" + JournalRestore.AsideMarker + "*"));
    }

    [Fact]
    public void A_directory_without_a_manifest_is_not_a_backup()
    {
        var empty = _dir.File("empty");
        Directory.CreateDirectory(empty);

        var error = Assert.Throws<JournalBackupException>(() => new JournalRestore(_clock).Restore(empty));

        Assert.Contains(BackupManifest.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_named_in_the_error()
    {
        var error = Assert.Throws<JournalBackupException>(() => new JournalRestore(_clock).Restore(_dir.File("nope")));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_copied_by_its_owner_is_written_by_the_owner_and_checked()
    {
        Write(Journal, "journal");
        Write(Paper, "paper");
        var writer = new List<string>();

        var result = new JournalBackup(new BackupSettings(BackupDir, 7), _clock).BackupSqlite(Journal, [new DatabaseCopy(Paper, destination =>
        {
            writer.Add(destination);
            File.Copy(Paper, destination);
        })]);

        Assert.Equal("paper-broker.db", Path.GetFileName(Assert.Single(writer)));
        Assert.Equal("paper", Read(Path.Combine(result.Directory, "paper-broker.db")));
        Assert.Equal([Journal, Paper], BackupManifest.Read(result.Directory).Files.Select(f => f.Source));
    }
}
