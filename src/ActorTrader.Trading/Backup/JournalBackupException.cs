namespace ActorTrader.Trading.Backup;

/// <summary>A journal backup could not be made; the message names the path or setting concerned and the fix.</summary>
public sealed class JournalBackupException : Exception
{
    public JournalBackupException() { }

    public JournalBackupException(string message) : base(message) { }

    public JournalBackupException(string message, Exception innerException) : base(message, innerException) { }
}
