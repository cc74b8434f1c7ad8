using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Data;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Cli.Data;

/// <summary>
/// Makes the market-data provider named on the command line (or <c>actortrader.data.provider</c>) through the shared
/// <see cref="MarketDataProviders"/>; an unknown name is a usage error (exit 2), any other problem exit 1.
/// </summary>
internal static class ProviderFactory
{
    /// <inheritdoc cref="MarketDataProviders.Create"/>
    public static IMarketDataProvider Create(string name, DataSettings settings, AlpacaSettings broker, HttpClient? http = null) =>
        Cli(() => MarketDataProviders.Create(name, settings, broker, http));

    /// <inheritdoc cref="MarketDataProviders.AlpacaOptions"/>
    public static AlpacaDataOptions AlpacaOptions(DataSettings settings, AlpacaSettings broker) =>
        Cli(() => MarketDataProviders.AlpacaOptions(settings, broker));

    private static T Cli<T>(Func<T> make)
    {
        try
        {
            return make();
        }
        catch (MarketDataProviderException e)
        {
            throw new CliException(e.UnknownName ? ExitCodes.Usage : ExitCodes.Problems, e.Message, e);
        }
    }
}
