namespace ActorTrader.Data.Lakehouse.Durability;

/// <summary>
/// Replaces a small file in one step: the bytes go to a temporary file beside it, which is fsynced and renamed over
/// the target, then the directory is fsynced. A reader sees the old file or the new one, never a mix.
/// </summary>
internal static class DurableFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically and durably; creates the directory when missing.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        DirectorySync.CreateDurably(directory);
        var temp = TempPathBeside(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 12))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            DirectorySync.Replace(temp, full);
        }
        finally
        {
            File.Delete(temp);
        }

        DirectorySync.Flush(directory);
    }

    /// <summary>A hidden, unique name in the directory of <paramref name="fullPath"/>, so the final rename stays on one file system.</summary>
    public static string TempPathBeside(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
}
