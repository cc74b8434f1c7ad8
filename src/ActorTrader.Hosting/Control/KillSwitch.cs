namespace ActorTrader.Hosting.Control;

/// <summary>The operator's out-of-band halt: a file named <c>HALT</c> in the kill-switch directory.</summary>
/// <param name="FilePath">Absolute path of the HALT file.</param>
public sealed record KillSwitch(string FilePath)
{
    private const int MaxReasonLength = 200;

    /// <summary>
    /// Null while no HALT file exists, else the halt reason: the file's first line if it has one, else a note
    /// that the file exists. Fail-closed: when the file's absence cannot be established (the directory cannot be
    /// searched, the file cannot be opened), the switch counts as engaged.
    /// </summary>
    public string? EngagedReason()
    {
        string firstLine;
        try
        {
            // Opening, not File.Exists: File.Exists answers false for a directory it cannot search.
            using var reader = new StreamReader(FilePath);
            firstLine = reader.ReadLine()?.Trim() ?? string.Empty;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"HALT file {FilePath} cannot be ruled out ({e.Message}); halted to be safe. Fix: make {Path.GetDirectoryName(FilePath)} readable by the node's user";
        }
        if (firstLine.Length > MaxReasonLength) firstLine = firstLine[..MaxReasonLength];
        return firstLine.Length == 0 ? $"HALT file {FilePath} present" : $"HALT file {FilePath}: {firstLine}";
    }
}
