namespace ActorTrader.Hosting.Security;

/// <summary>The token file is missing, empty, unreadable or readable by others; the message names it and the fix.</summary>
public sealed class TokenFileException : Exception
{
    public TokenFileException()
    {
    }

    public TokenFileException(string message)
        : base(message)
    {
    }

    public TokenFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
