using System.Runtime.InteropServices;

namespace ActorTrader.Hosting.Files;

/// <summary>
/// Flushes a directory's entries to disk (fsync on the directory), so that a rename in it survives a power
/// loss. .NET cannot open a directory as a file, hence the direct libc calls; a no-op on Windows, where
/// <see cref="File.Move(string, string, bool)"/> is already durable once it returns.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    // Some file systems cannot sync a directory; there is nothing more to do on those.
    private const int EInval = 22;

    /// <summary>Syncs <paramref name="directory"/>; throws <see cref="IOException"/> naming it when the disk reports an error.</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, ReadOnly);
        if (fd < 0) throw Error("open", directory, Marshal.GetLastPInvokeError());
        try
        {
            if (FSync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != EInval) throw Error("fsync", directory, errno);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static IOException Error(string call, string directory, int errno) =>
        new($"{call} of the directory {directory} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}); the last change in it may not survive a crash.");

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
