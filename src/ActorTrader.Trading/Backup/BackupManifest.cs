using System.Text.Json;

namespace ActorTrader.Trading.Backup;

/// <summary>
/// <c>backup.json</c> in a backup directory: when it was taken and, for each database file in it, where it came from,
/// so <see cref="JournalRestore"/> puts every file back where the node reads it.
/// </summary>
public sealed record BackupManifest(DateTimeOffset TakenAt, IReadOnlyList<BackupManifestFile> Files)
{
    public const string FileName = "backup.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(string directory, DateTimeOffset takenAt, IReadOnlyList<BackupFile> files)
    {
        var manifest = new BackupManifest(takenAt, [.. files.Select(f => new BackupManifestFile(Path.GetFileName(f.Destination), f.Source, f.Bytes))]);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>Reads the manifest of <paramref name="directory"/>; a missing or unreadable one is a <see cref="JournalBackupException"/> naming the fix.</summary>
    public static BackupManifest Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new JournalBackupException($"{directory} has no {FileName}, so it is not a backup this version wrote (or it is incomplete). Fix: name a directory listed by `actortrader backup list`.");
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
            if (manifest?.Files is not { Count: > 0 } || manifest.Files.Any(f => string.IsNullOrWhiteSpace(f.File) || string.IsNullOrWhiteSpace(f.Source)))
                throw new JournalBackupException($"{path} lists no database files. Fix: name another backup (`actortrader backup list`).");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new JournalBackupException($"{path} is not valid JSON ({e.Message}). Fix: name another backup (`actortrader backup list`).", e);
        }
    }
}

/// <summary>One database in a backup: its file name there, the absolute path it was copied from, its size.</summary>
public sealed record BackupManifestFile(string File, string Source, long Bytes);
