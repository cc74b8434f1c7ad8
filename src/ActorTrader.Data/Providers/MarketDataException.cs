namespace ActorTrader.Data.Providers;

/// <summary>A provider failure that names the provider, the symbol and the fix; transient ones may be retried.</summary>
public sealed class MarketDataException : Exception
{
    public MarketDataException() { }

    public MarketDataException(string message) : base(message) { }

    public MarketDataException(string message, Exception innerException) : base(message, innerException) { }

    public MarketDataException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when retrying later can succeed: HTTP 429, 5xx, timeouts, dropped connections.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status when the failure came from one; null otherwise.</summary>
    public int? StatusCode { get; init; }
}
