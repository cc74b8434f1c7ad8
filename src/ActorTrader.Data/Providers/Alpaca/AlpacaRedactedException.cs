namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>Stands in for an inner exception whose text quoted a credential; carries the redacted text only.</summary>
public sealed class AlpacaRedactedException : Exception
{
    public AlpacaRedactedException() { }

    public AlpacaRedactedException(string message) : base(message) { }

    public AlpacaRedactedException(string message, Exception innerException) : base(message, innerException) { }
}
