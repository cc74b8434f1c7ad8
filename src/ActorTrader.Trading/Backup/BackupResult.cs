namespace ActorTrader.Trading.Backup;

/// <summary>What a backup wrote: its directory, the database files in it and the older backups retention deleted.</summary>
/// <param name="Directory">The new backup's directory, <c>&lt;backup dir&gt;/yyyyMMdd-HHmmss</c>.</param>
/// <param name="TakenAt">When it was taken (UTC), the time its name encodes.</param>
/// <param name="Files">The copied databases, journal first.</param>
/// <param name="Deleted">Directories of older backups removed to keep the newest N, oldest first.</param>
public sealed record BackupResult(string Directory, DateTimeOffset TakenAt, IReadOnlyList<BackupFile> Files, IReadOnlyList<string> Deleted);

/// <summary>One database copied: from <see cref="Source"/> to <see cref="Destination"/>, <see cref="Bytes"/> long.</summary>
public sealed record BackupFile(string Source, string Destination, long Bytes);
