using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Hosting.Data;

/// <summary>
/// Makes a market-data provider by name (synthetic, csv, alpaca) from <c>actortrader.data.*</c> and the broker's Alpaca
/// account: what the CLI's ingest and scan and an ingest node share. Problems are a <see cref="MarketDataProviderException"/>.
/// </summary>
public static class MarketDataProviders
{
    /// <param name="name">synthetic, csv or alpaca.</param>
    /// <param name="settings"><c>actortrader.data.*</c>.</param>
    /// <param name="broker"><c>actortrader.broker.alpaca</c>: the key pair and the Trading API URL the asset list comes from.</param>
    /// <param name="http">Sends Alpaca's requests; a new client when null.</param>
    public static IMarketDataProvider Create(string name, DataSettings settings, AlpacaSettings broker, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (name)
        {
            case "synthetic":
                return new SyntheticMarketDataProvider(settings.SyntheticSeed);
            case "csv":
                return Directory.Exists(settings.CsvDir)
                    ? new CsvMarketDataProvider(settings.CsvDir, settings.CsvDefaultExchange)
                    : throw new MarketDataProviderException($"The csv directory {settings.CsvDir} does not exist. Fix: set actortrader.data.csv.dir to a directory of <TICKER>.csv files.", false);
            case "alpaca":
                // The client enforces request-timeout on every attempt itself; HttpClient's own 100 s default would cut longer ones.
                return new AlpacaMarketDataProvider(new AlpacaDataClient(http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, AlpacaOptions(settings, broker)));
            default:
                throw new MarketDataProviderException($"Provider \"{name}\" is not known. Fix: use one of {string.Join(", ", DataSettings.KnownProviders)}.", true);
        }
    }

    /// <summary>
    /// The Alpaca client's options: endpoint, feed, paging, rate limit, timeout and retries from
    /// <c>actortrader.data.alpaca</c>; key pair and Trading API URL from <c>actortrader.broker.alpaca</c>. Missing
    /// credentials are a <see cref="MarketDataProviderException"/> naming the environment variables (never their values).
    /// </summary>
    public static AlpacaDataOptions AlpacaOptions(DataSettings settings, AlpacaSettings broker)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(broker);
        if (!broker.HasCredentials)
        {
            var missing = string.Join(" and ", new[]
            {
                string.IsNullOrWhiteSpace(broker.KeyId) ? "APCA_API_KEY_ID" : null,
                string.IsNullOrWhiteSpace(broker.SecretKey) ? "APCA_API_SECRET_KEY" : null,
            }.OfType<string>());
            throw new MarketDataProviderException(
                $"The alpaca provider needs an Alpaca key pair, but {missing} {(missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} not set. " +
                $"Fix: export {missing} in the environment (never in a config file), or use --provider synthetic or csv.", false);
        }
        var alpaca = settings.Alpaca;
        var options = new AlpacaDataOptions
        {
            DataBaseUrl = alpaca.DataUrl,
            // NodeSettings has checked it is an absolute https URL.
            TradingBaseUrl = new Uri(broker.BaseUrl, UriKind.Absolute),
            Feed = alpaca.Feed,
            PageLimit = alpaca.PageLimit,
            RateLimitPerMinute = alpaca.RateLimitPerMinute,
            RequestTimeout = alpaca.RequestTimeout,
            MaxRetryAttempts = alpaca.MaxRetries,
            RetryBaseDelay = alpaca.RetryBaseDelay,
            MaxRetryDelay = alpaca.MaxRetryDelay,
            KeyId = broker.KeyId!,
            SecretKey = broker.SecretKey!,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new MarketDataProviderException($"The alpaca provider cannot start: {e.Message}", e);
        }
        return options;
    }
}
