using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Data.Settings;
using ActorTrader.Hocon;

namespace ActorTrader.Cli.Data;

/// <summary>Makes the market-data provider named on the command line (or <c>actortrader.data.provider</c>).</summary>
internal static class ProviderFactory
{
    public static IMarketDataProvider Create(string name, DataSettings settings, Config config, HttpClient? http = null)
    {
        switch (name)
        {
            case "synthetic":
                return new SyntheticMarketDataProvider(settings.SyntheticSeed);
            case "csv":
                return CsvProvider.Create(settings.CsvDir);
            case "alpaca":
                var options = new AlpacaDataOptions
                {
                    DataBaseUrl = settings.Alpaca.DataUrl,
                    TradingBaseUrl = new Uri(config.GetString("actortrader.broker.alpaca.base-url", "https://paper-api.alpaca.markets")),
                    Feed = settings.Alpaca.Feed,
                    PageLimit = settings.Alpaca.PageLimit,
                    RateLimitPerMinute = settings.Alpaca.RateLimitPerMinute,
                    RequestTimeout = settings.Alpaca.RequestTimeout,
                    KeyId = config.GetString("actortrader.broker.alpaca.key-id", ""),
                    SecretKey = config.GetString("actortrader.broker.alpaca.secret-key", ""),
                };
                try
                {
                    options.Validate();
                }
                catch (ArgumentException e)
                {
                    throw new CliException(ExitCodes.Problems, $"The alpaca provider cannot start: {e.Message}", e);
                }
                return new AlpacaMarketDataProvider(new AlpacaDataClient(http ?? new HttpClient(), options));
            default:
                throw new CliException(ExitCodes.Usage, $"Provider \"{name}\" is not known. Fix: use one of {string.Join(", ", DataSettings.KnownProviders)}.");
        }
    }
}
