using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Replaces a report file in one step: the bytes go to a hidden temp file in the same directory, are flushed to disk and
/// renamed over the target, so a reader (or a crash) sees the old file or the new one, never half of either.
/// </summary>
internal static class ReportFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes UTF-8 text without a byte-order mark.</summary>
    public static void WriteText(string path, string text) => WriteBytes(path, Utf8NoBom.GetBytes(text));

    public static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"{path} has no directory; pass a file path inside the run directory.", nameof(path));
        Directory.CreateDirectory(directory);
        // Same directory as the target so the rename never crosses file systems; the leading dot hides it from INDEX.md.
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            // Only still there when writing or renaming failed; that exception propagates.
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>True for the temp names this class uses, so directory listings can skip them.</summary>
    public static bool IsTempName(string fileName) => fileName.StartsWith('.') && fileName.EndsWith(".tmp", StringComparison.Ordinal);
}
