namespace ActorTrader.Hosting.Control;

/// <summary>The operator's out-of-band halt: a file named <c>HALT</c> in the kill-switch directory.</summary>
/// <param name="FilePath">Absolute path of the HALT file.</param>
public sealed record KillSwitch(string FilePath)
{
    private const int MaxReasonLength = 200;

    public bool IsEngaged => File.Exists(FilePath);

    /// <summary>The halt reason: the file's first line if it has one, else a note that the file exists.</summary>
    public string Reason()
    {
        string firstLine;
        try
        {
            firstLine = File.ReadLines(FilePath).FirstOrDefault()?.Trim() ?? string.Empty;
        }
        catch (IOException e)
        {
            return $"HALT file {FilePath} present (its text cannot be read: {e.Message})";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"HALT file {FilePath} present (its text cannot be read: {e.Message})";
        }
        if (firstLine.Length > MaxReasonLength) firstLine = firstLine[..MaxReasonLength];
        return firstLine.Length == 0 ? $"HALT file {FilePath} present" : $"HALT file {FilePath}: {firstLine}";
    }
}
