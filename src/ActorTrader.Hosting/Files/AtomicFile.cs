namespace ActorTrader.Hosting.Files;

/// <summary>
/// Replaces a file so that readers see either the old or the new content, never a mix: the bytes go to a
/// temp file in the same directory, are flushed to disk, the temp file is renamed over the target, and the
/// directory is flushed so the rename itself survives a power loss before the caller reports success.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically, creating the directory if needed.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"{path} has no directory.", nameof(path));
        Directory.CreateDirectory(directory);
        // Same directory as the target, so the rename never crosses file systems.
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, fullPath, overwrite: true);
            DirectorySync.Flush(directory);
        }
        finally
        {
            // Only left behind when writing or renaming failed; the exception still propagates.
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>True for names this class uses for its temp files, so directory scans can skip them.</summary>
    public static bool IsTempFileName(string fileName) => fileName.StartsWith('.') && fileName.EndsWith(".tmp", StringComparison.Ordinal);
}
