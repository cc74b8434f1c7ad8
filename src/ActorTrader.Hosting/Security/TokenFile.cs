using System.Security.Cryptography;

namespace ActorTrader.Hosting.Security;

/// <summary>
/// The management API's bearer token, kept in a file only its owner can read (mode 0600). The node creates
/// it with a random token on first start; the CLI reads it. The token itself is never logged or printed.
/// </summary>
public static class TokenFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Reads the token, creating the file with a fresh random token first if it does not exist.</summary>
    public static (string Token, bool Created) EnsureExists(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(token);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            return (token, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another start created it first (or it already existed): use that one.
            return (Read(path), false);
        }
    }

    /// <summary>Reads the token; throws <see cref="TokenFileException"/> naming the file and the fix.</summary>
    public static string Read(string path)
    {
        if (!File.Exists(path))
            throw new TokenFileException($"The management token file {path} does not exist. Fix: start the node once (./run.sh); it creates the file.");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
            throw new TokenFileException($"The management token file {path} can be read by other users (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}). Fix: chmod 600 {path}.");
        string token;
        try
        {
            token = File.ReadAllText(path).Trim();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TokenFileException($"The management token file {path} cannot be read by this user. Fix: run as the node's user.", e);
        }
        if (token.Length == 0)
            throw new TokenFileException($"The management token file {path} is empty. Fix: delete it and restart the node, which writes a new one.");
        return token;
    }
}
