using ActorTrader.Persistence.Journal;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>Turns SQLite result codes into <see cref="PersistenceStoreException"/>s that name the file and the fix.</summary>
internal static class SqliteErrors
{
    // Primary result codes, https://www.sqlite.org/rescode.html
    public const int Perm = 3;
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoError = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Constraint = 19;
    public const int Auth = 23;
    public const int NotADatabase = 26;

    public static PersistenceStoreException Explain(SqliteException exception, string path, string operation, TimeSpan busyTimeout)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = exception.Message;
        var message = exception.SqliteErrorCode switch
        {
            NotADatabase =>
                $"{path} is not a SQLite database (file is not a database). Fix: point actortrader.persistence.sqlite.path at the journal or move the file away.",
            Corrupt =>
                $"{path} is corrupt ({detail}); {operation} failed and nothing was written. Fix: stop the node and restore the file from a backup (or salvage it with the sqlite3 shell's .recover command).",
            Busy or Locked =>
                $"{path} is locked by another connection or process for longer than the busy timeout ({busyTimeout.TotalSeconds:0.###} s); {operation} failed and nothing was written. " +
                "Fix: stop the other process using this file (another node on the same data directory?) or raise actortrader.persistence.sqlite.busy-timeout.",
            Full =>
                $"{path}: database or disk is full; {operation} was rolled back and earlier events are intact. Fix: free disk space on the volume that holds {Path.GetDirectoryName(path)}.",
            ReadOnly =>
                $"{path} is read-only ({detail}); {operation} failed. Fix: make the file, its -wal/-shm files and its directory writable for the node's user, or point actortrader.persistence.sqlite.path elsewhere.",
            CantOpen =>
                $"{path} cannot be opened ({detail}). Fix: check that the directory exists and the node's user may create and write files in it, or point actortrader.persistence.sqlite.path elsewhere.",
            Perm or Auth =>
                $"{path} may not be accessed ({detail}); {operation} failed. Fix: give the node's user read and write access to the file and its directory.",
            IoError =>
                $"Disk I/O error on {path} ({detail}); {operation} was rolled back. Fix: check the disk and the file system (dmesg), then restart the node.",
            _ =>
                $"{operation} on {path} failed: {detail} (SQLite error {exception.SqliteErrorCode}).",
        };
        return new PersistenceStoreException(message, exception);
    }
}
