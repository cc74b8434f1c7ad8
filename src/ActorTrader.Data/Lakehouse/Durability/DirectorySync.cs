using System.Runtime.InteropServices;

namespace ActorTrader.Data.Lakehouse.Durability;

/// <summary>
/// Flushes a directory's entries to disk (fsync on the directory) so that a rename or delete in it survives a
/// power loss. .NET cannot open a directory as a file, hence the libc calls; a no-op on Windows, where a
/// completed <see cref="File.Move(string, string, bool)"/> is already durable. (The Hosting project has the same
/// helper; Data must not depend on Hosting.)
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    // Some file systems cannot sync a directory; there is nothing more to do on those.
    private const int EInval = 22;

    /// <summary>Syncs <paramref name="directory"/>; throws <see cref="IOException"/> naming it when the disk reports an error.</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(NativePath(directory), ReadOnly);
        if (fd < 0)
        {
            throw Error("open", directory, Marshal.GetLastPInvokeError());
        }

        try
        {
            if (FSync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != EInval)
            {
                throw Error("fsync", directory, errno);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Creates <paramref name="directory"/> and any missing parent, fsyncing each parent that gained an entry.</summary>
    public static void CreateDurably(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        var missing = new Stack<string>();
        for (var d = directory; !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d))
        {
            missing.Push(d);
        }

        while (missing.TryPop(out var d))
        {
            Directory.CreateDirectory(d);
            Flush(Path.GetDirectoryName(d)!);
        }
    }

    /// <summary>
    /// Renames <paramref name="source"/> to <paramref name="destination"/>, replacing it in one step even when it is a
    /// symbolic link to a directory (rename(2) replaces the link itself); <see cref="File.Move(string, string, bool)"/> elsewhere.
    /// </summary>
    public static void Replace(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            File.Move(source, destination, overwrite: true);
            return;
        }

        if (Rename(NativePath(source), NativePath(destination)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"rename of {source} to {destination} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}); check that both are in the same, writable directory.");
        }
    }

    private static IOException Error(string call, string directory, int errno) =>
        new($"{call} of the directory {directory} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}); the last change in it may not survive a crash.");

    // Null-terminated UTF-8, passed as bytes so no string marshalling is involved (the project does not allow unsafe code for LibraryImport).
    private static byte[] NativePath(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(byte[] source, byte[] destination);
}
