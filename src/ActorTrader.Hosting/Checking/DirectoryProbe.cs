namespace ActorTrader.Hosting.Checking;

/// <summary>
/// Answers "could the node write in this directory?" without leaving anything behind: it probes the
/// directory, or the nearest existing ancestor it would be created in, with a file deleted on close.
/// </summary>
public static class DirectoryProbe
{
    /// <summary>Null when writable, else why not (naming the path that blocks it).</summary>
    public static string? WhyNotWritable(string directory)
    {
        var path = Path.GetFullPath(directory);
        var existing = path;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing)) return $"{existing} is a file, so the directory {path} cannot be created";
            existing = Path.GetDirectoryName(existing);
            if (existing is null) return $"no part of {path} exists";
        }
        var probe = Path.Combine(existing, $".actortrader-write-probe-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            return $"{existing} is not writable ({e.Message})";
        }
        catch (IOException e)
        {
            return $"{existing} is not writable ({e.Message})";
        }
    }
}
