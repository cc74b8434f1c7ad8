namespace ActorTrader.Trading.Backup;

/// <summary>
/// A database to include in a backup beside the journal: its file and, when another connection holds it exclusively
/// (the paper account), how its owner writes an online copy to a given path. Without a writer the file is copied with
/// a connection of the backup's own.
/// </summary>
public sealed record DatabaseCopy(string Path, Action<string>? Writer = null);
