namespace ActorTrader.Hocon;

/// <summary>
/// A HOCON syntax, include, substitution or typed-getter error. The message always carries the position
/// ("source:line:col") and the offending token when they are known.
/// </summary>
public class HoconException : Exception
{
    /// <summary>Creates an error without position.</summary>
    public HoconException() : base("HOCON error")
    {
    }

    /// <summary>Creates an error with a message only.</summary>
    public HoconException(string message) : base(message)
    {
    }

    /// <summary>Creates an error that wraps another one.</summary>
    public HoconException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates an error at a position, naming the offending token.</summary>
    public HoconException(string message, HoconPosition? position, string? token = null, Exception? innerException = null)
        : base(Compose(message, position, token), innerException)
    {
        Position = position;
        Token = token;
    }

    /// <summary>Where the error was found, when known.</summary>
    public HoconPosition? Position { get; }

    /// <summary>The offending token (or path) as written, when known.</summary>
    public string? Token { get; }

    private static string Compose(string message, HoconPosition? position, string? token)
    {
        var text = position is null ? message : $"{position}: {message}";
        return token is null || message.Contains(token, StringComparison.Ordinal) ? text : $"{text} (at '{token}')";
    }
}
