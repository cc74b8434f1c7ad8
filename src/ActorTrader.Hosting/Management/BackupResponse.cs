namespace ActorTrader.Hosting.Management;

/// <summary><c>POST /api/backup</c>: the online backup just written — its directory, when, the database files and the older backups retention deleted.</summary>
public sealed record BackupResponse(string Directory, DateTimeOffset TakenAt, IReadOnlyList<BackupFileView> Files, IReadOnlyList<string> Deleted);

/// <summary>One database in the backup: where it came from, its copy, its size.</summary>
public sealed record BackupFileView(string Source, string Destination, long Bytes);
