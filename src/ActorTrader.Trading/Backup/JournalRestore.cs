using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Trading.Backup;

/// <summary>
/// Restores a backup written by <see cref="JournalBackup"/> (node stopped): every database file of the backup is checked
/// first (SQLite's quick_check) and only then put back where its manifest says it came from. Nothing is deleted: the
/// current files (and their -wal/-shm) are renamed to <c>&lt;name&gt;.before-restore-&lt;yyyyMMdd-HHmmss&gt;</c> beside
/// them, and a restore that fails midway puts them back.
/// </summary>
public sealed class JournalRestore(TimeProvider time)
{
    public const string AsideMarker = ".before-restore-";
    private static readonly string[] Companions = ["-wal", "-shm"];

    /// <summary>Restores the backup at <paramref name="path"/> (its directory, or any file in it).</summary>
    public RestoreResult Restore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        if (!Directory.Exists(directory))
            throw new JournalBackupException($"There is no backup at {full}. Fix: name a backup directory listed by `actortrader backup list`.");
        var manifest = BackupManifest.Read(directory);
        foreach (var file in manifest.Files) Check(Path.Combine(directory, file.File));

        var stamp = time.GetUtcNow().ToUniversalTime().ToString(JournalBackup.NameFormat, CultureInfo.InvariantCulture);
        var done = new List<RestoredFile>();
        try
        {
            foreach (var file in manifest.Files) done.Add(RestoreOne(Path.Combine(directory, file.File), Path.GetFullPath(file.Source), stamp));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Undo(done);
            throw new JournalBackupException($"Restoring {directory} failed: {e.Message} Nothing was changed (files already moved were put back). Fix: check the permissions and free space of the data directory.", e);
        }
        return new RestoreResult(directory, manifest.TakenAt, done);
    }

    /// <summary>A backup file SQLite cannot open or whose quick_check fails stops the restore before anything changed.</summary>
    private static void Check(string file)
    {
        if (!File.Exists(file))
            throw new JournalBackupException($"The backup names {Path.GetFileName(file)} but {file} is missing. Nothing was changed. Fix: restore another backup (`actortrader backup list`).");
        string? result;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            result = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            throw new JournalBackupException($"{file} is not a readable SQLite database ({e.Message}). Nothing was changed. Fix: restore another backup (`actortrader backup list`).", e);
        }
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
            throw new JournalBackupException($"{file} failed SQLite's check ({result}). Nothing was changed. Fix: restore another backup (`actortrader backup list`).");
    }

    private static RestoredFile RestoreOne(string from, string target, string stamp)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string? aside = null;
        if (File.Exists(target))
        {
            aside = target + AsideMarker + stamp;
            File.Move(target, aside);
        }
        // A -wal beside the old file belongs to it: it moves with it, so the set aside copy stays whole.
        foreach (var suffix in Companions)
        {
            if (!File.Exists(target + suffix)) continue;
            File.Move(target + suffix, (aside ?? target + AsideMarker + stamp) + suffix);
        }
        var restored = new RestoredFile(target, from, aside);
        try
        {
            var temp = target + ".restore-tmp";
            File.Copy(from, temp, overwrite: true);
            File.Move(temp, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Undo([restored]);
            throw;
        }
        return restored;
    }

    private static void Undo(List<RestoredFile> done)
    {
        foreach (var file in Enumerable.Reverse(done))
        {
            if (file.SetAside is not { } aside)
            {
                // There was no file before: the copy of the backup goes again (the backup itself is untouched).
                File.Delete(file.Target);
                continue;
            }
            File.Move(aside, file.Target, overwrite: true);
            foreach (var suffix in Companions)
                if (File.Exists(aside + suffix)) File.Move(aside + suffix, file.Target + suffix, overwrite: true);
        }
    }
}

/// <summary>What a restore did: the backup, when it was taken, and per database where it went and where the old file was set aside.</summary>
public sealed record RestoreResult(string Backup, DateTimeOffset TakenAt, IReadOnlyList<RestoredFile> Files);

/// <summary>One database put back: <paramref name="Target"/> now holds the backup's <paramref name="Source"/>; the file it replaced is at <paramref name="SetAside"/> (null when there was none).</summary>
public sealed record RestoredFile(string Target, string Source, string? SetAside);
