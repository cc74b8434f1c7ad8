namespace ActorTrader.Hosting.Data;

/// <summary>
/// A market-data provider that cannot be made from the configuration: the message names the setting or environment
/// variable and the fix (never a credential's value). <see cref="UnknownName"/> is set when the provider name itself is
/// not one of <c>DataSettings.KnownProviders</c>.
/// </summary>
public sealed class MarketDataProviderException : Exception
{
    public MarketDataProviderException(string message, bool unknownName)
        : base(message)
    {
        UnknownName = unknownName;
    }

    public MarketDataProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MarketDataProviderException()
        : this("The market-data provider cannot be made.", false)
    {
    }

    public MarketDataProviderException(string message)
        : this(message, false)
    {
    }

    public bool UnknownName { get; }
}
