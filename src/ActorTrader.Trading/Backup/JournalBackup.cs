using System.Globalization;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Trading.Backup;

/// <summary>
/// Backs up the SQLite journal (and the snapshot file next to it) while the node runs, with SQLite's online backup:
/// each copy is a consistent picture of its database even while actors keep writing. A backup is written into a
/// temporary directory and renamed to <c>&lt;dir&gt;/yyyyMMdd-HHmmss</c> (UTC) only when complete and checked, so a
/// directory with that name is always a whole backup. Afterwards only the newest <see cref="BackupSettings.Keep"/>
/// backups are kept. A PostgreSQL journal is refused: pg_dump is the tool for it.
/// </summary>
public sealed class JournalBackup
{
    /// <summary>The name of a backup directory: its UTC time.</summary>
    public const string NameFormat = "yyyyMMdd-HHmmss";

    private const string TempPrefix = ".tmp-";
    private readonly BackupSettings _settings;
    private readonly TimeProvider _time;

    public JournalBackup(BackupSettings settings, TimeProvider time)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Keep, 1, nameof(settings));
    }

    /// <summary>
    /// Backs up the journal <paramref name="persistence"/> configures; a relative SQLite path is resolved against
    /// <paramref name="dataDirectory"/> (node.data-dir). <paramref name="otherDatabases"/> (the paper account's file) are
    /// copied into the same backup, so a restore brings back the journal and the broker's state as one consistent set.
    /// </summary>
    public BackupResult Run(PersistenceSettings persistence, string dataDirectory, IReadOnlyList<DatabaseCopy>? otherDatabases = null)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        return persistence.Journal switch
        {
            SqliteStoreFactory.BackendName => BackupSqlite(SqliteStoreOptions.ResolvePath(dataDirectory, persistence.Sqlite.Path), otherDatabases),
            "postgresql" => throw new JournalBackupException(
                "actortrader.persistence.journal = postgresql: the journal is in PostgreSQL, which this backup (a copy of the SQLite files) cannot take. " +
                "Fix: back up the database with pg_dump, e.g. pg_dump --format=custom --file=actortrader-<yyyyMMdd-HHmmss>.dump <database>, or use the server's continuous archiving."),
            "memory" => throw new JournalBackupException(
                "actortrader.persistence.journal = memory: the journal lives in memory and is gone when the process ends, so there is no file to back up. " +
                "Fix: use journal = sqlite (the default) for a journal worth backing up."),
            var other => throw new JournalBackupException(
                $"actortrader.persistence.journal = \"{other}\" is not a journal this backup knows. Fix: use sqlite, or back up that store with its own tools."),
        };
    }

    /// <summary>
    /// Backs up the SQLite journal at <paramref name="journalPath"/> and, when present, its snapshot file and each of
    /// <paramref name="otherDatabases"/>; a <see cref="BackupManifest.FileName"/> beside them records where each came from.
    /// </summary>
    public BackupResult BackupSqlite(string journalPath, IReadOnlyList<DatabaseCopy>? otherDatabases = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journalPath);
        var journal = Path.GetFullPath(journalPath);
        if (!File.Exists(journal))
        {
            throw new JournalBackupException(
                $"There is no journal at {journal}, so there is nothing to back up. Fix: check actortrader.persistence.sqlite.path and node.data-dir " +
                "(the node creates the journal on its first start).");
        }
        var snapshots = new SqliteStoreOptions(journal).SnapshotDatabasePath;
        var takenAt = _time.GetUtcNow().ToUniversalTime();
        var name = takenAt.ToString(NameFormat, CultureInfo.InvariantCulture);
        var root = _settings.Directory;
        var final = Path.Combine(root, name);
        var temp = Path.Combine(root, $"{TempPrefix}{name}-{Guid.NewGuid():N}");
        CreateDirectory(root);
        if (Directory.Exists(final))
            throw new JournalBackupException($"A backup named {name} already exists in {root}. Fix: wait a second and run the backup again (backups are named by the UTC second).");
        CreateDirectory(temp);

        var completed = false;
        try
        {
            var files = new List<BackupFile> { Copy(journal, temp) };
            if (File.Exists(snapshots)) files.Add(Copy(snapshots, temp));
            foreach (var other in (otherDatabases ?? []).Select(d => d with { Path = Path.GetFullPath(d.Path) }).Where(d => File.Exists(d.Path)).DistinctBy(d => d.Path))
            {
                if (files.Any(f => string.Equals(Path.GetFileName(f.Destination), Path.GetFileName(other.Path), StringComparison.Ordinal)))
                    throw new JournalBackupException($"{other.Path} has the same file name as another database of this backup. Fix: give the paper account's state-file another name.");
                files.Add(Copy(other.Path, temp, other.Writer));
            }
            BackupManifest.Write(temp, takenAt, files);
            Rename(temp, final);
            completed = true;
            var written = files.Select(f => f with { Destination = Path.Combine(final, Path.GetFileName(f.Destination)) }).ToList();
            return new BackupResult(final, takenAt, written, ApplyRetention(root, final));
        }
        finally
        {
            // A failed backup leaves no partial directory behind (the exception on its way out says why).
            if (!completed && Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Copies one database with SQLite's online backup into <paramref name="directory"/>, as a single self-contained file.</summary>
    private static BackupFile Copy(string source, string directory, Action<string>? writer = null)
    {
        var destination = Path.Combine(directory, Path.GetFileName(source));
        try
        {
            if (writer is not null) writer(destination);
            else
            {
                using var from = new SqliteConnection(ConnectionString(source, SqliteOpenMode.ReadWrite));
                using var copy = new SqliteConnection(ConnectionString(destination, SqliteOpenMode.ReadWriteCreate));
                from.Open();
                Execute(from, "PRAGMA busy_timeout = 5000;");
                copy.Open();
                from.BackupDatabase(copy);
            }
            using (var to = new SqliteConnection(ConnectionString(destination, SqliteOpenMode.ReadWrite)))
            {
                to.Open();
                // The copy inherits WAL mode; a rollback-journal file needs no -wal/-shm beside it to be restored.
                Execute(to, "PRAGMA journal_mode = DELETE;");
                var check = Execute(to, "PRAGMA quick_check;");
                if (!string.Equals(check, "ok", StringComparison.Ordinal))
                {
                    throw new JournalBackupException(
                        $"The backup of {source} did not pass SQLite's check ({check}). Fix: run `sqlite3 {source} \"PRAGMA integrity_check\"`; if the journal itself is damaged, restore it from an earlier backup.");
                }
            }
            return new BackupFile(source, destination, new FileInfo(destination).Length);
        }
        catch (SqliteException e)
        {
            throw new JournalBackupException(
                $"Backing up {source} into {destination} failed: {e.Message} Fix: check that {source} is an ActorTrader SQLite database and that {directory} is writable with space left.", e);
        }
    }

    /// <summary>Deletes all but the newest <see cref="BackupSettings.Keep"/> backups; other entries in the directory are left alone.</summary>
    private List<string> ApplyRetention(string root, string written)
    {
        var backups = Directory.GetDirectories(root)
            .Where(d => IsBackupName(Path.GetFileName(d)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var deleted = new List<string>();
        foreach (var old in backups.Take(Math.Max(0, backups.Count - _settings.Keep)))
        {
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new JournalBackupException(
                    $"The backup {written} was written, but the old backup {old} could not be deleted: {e.Message} Fix: make {root} writable by the node's user, or delete {old} by hand.", e);
            }
            deleted.Add(old);
        }
        return deleted;
    }

    private static bool IsBackupName(string name) =>
        name.Length == NameFormat.Length && DateTime.TryParseExact(name, NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static void CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalBackupException(
                $"Cannot write the backup directory {path}: {e.Message} Fix: make it (or its parent) a directory writable by the node's user, or set actortrader.trading.backup.dir to one.", e);
        }
    }

    private static void Rename(string from, string to)
    {
        try
        {
            Directory.Move(from, to);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalBackupException($"The finished backup {from} could not be renamed to {to}: {e.Message} Fix: check that nothing else writes to {Path.GetDirectoryName(to)}.", e);
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
