using System.Globalization;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;

namespace ActorTrader.Data.Settings;

/// <summary>
/// Everything read from <c>actortrader.data.*</c>, typed, with directories made absolute: the lakehouse, export
/// and runs directories are resolved against <c>actortrader.node.data-dir</c> (itself against the working directory);
/// the scanner and csv directories against the working directory.
/// </summary>
/// <param name="CsvDefaultExchange">The US equity exchange the csv provider lists its tickers under (<c>csv.default-exchange</c>).</param>
public sealed record DataSettings(
    string DataDir,
    string LakehouseDir,
    string ExportDir,
    string RunsDir,
    string Provider,
    int SyntheticSeed,
    string CsvDir,
    string CsvDefaultExchange,
    AlpacaDataSettings Alpaca,
    string ScannersDir,
    IngestionSettings Ingestion)
{
    /// <summary>The provider names the ingestion pipeline and scanners understand.</summary>
    public static IReadOnlyList<string> KnownProviders { get; } = ["synthetic", "csv", "alpaca"];

    /// <summary>Reads the settings; throws <see cref="DataSettingsException"/> listing every problem found.</summary>
    public static DataSettings FromConfig(Config config, string? workingDirectory = null)
    {
        var (settings, problems) = Read(config, workingDirectory ?? Directory.GetCurrentDirectory());
        if (problems.Count > 0) throw new DataSettingsException(problems);
        return settings;
    }

    /// <summary>Reads the settings, returning them (with defaults where values were bad) and the problems found.</summary>
    public static (DataSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var r = new DataSettingsReader(config);
        var dataDir = Path.GetFullPath(r.String("actortrader.node.data-dir", "data"), workingDirectory);
        const string d = "actortrader.data.";
        var provider = r.String(d + "provider", "synthetic");
        if (!KnownProviders.Contains(provider))
        {
            r.Report(d + "provider", $"{d}provider = \"{provider}\" is not a known provider.", $"Use one of {string.Join(", ", KnownProviders)}.");
            provider = "synthetic";
        }

        var url = r.String(d + "alpaca.data-url", "https://data.alpaca.markets");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var dataUrl) || dataUrl.Scheme != Uri.UriSchemeHttps)
        {
            r.Report(d + "alpaca.data-url", $"{d}alpaca.data-url = \"{url}\" is not an https URL.", "Set it to https://data.alpaca.markets.");
            dataUrl = new Uri("https://data.alpaca.markets");
        }
        var feed = r.String(d + "alpaca.feed", "iex");
        if (feed is not ("iex" or "sip"))
        {
            r.Report(d + "alpaca.feed", $"{d}alpaca.feed = \"{feed}\" is not a stock feed.", "Use iex (free) or sip (paid subscription).");
            feed = "iex";
        }
        var retryBaseDelay = r.PositiveDuration(d + "alpaca.retry-base-delay", TimeSpan.FromSeconds(1));
        var maxRetryDelay = r.PositiveDuration(d + "alpaca.max-retry-delay", TimeSpan.FromSeconds(60));
        if (maxRetryDelay < retryBaseDelay)
        {
            r.Report(d + "alpaca.max-retry-delay",
                $"{d}alpaca.max-retry-delay = {maxRetryDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s is shorter than {d}alpaca.retry-base-delay = {retryBaseDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: the cap would cut even the first retry's delay.",
                $"Set {d}alpaca.max-retry-delay to at least {d}alpaca.retry-base-delay (defaults: 60s and 1s).");
            maxRetryDelay = retryBaseDelay;
        }
        var alpaca = new AlpacaDataSettings(dataUrl, feed,
            r.Int(d + "alpaca.page-limit", 10000, 1, 10000),
            r.Int(d + "alpaca.rate-limit-per-minute", 200, 1, 100_000),
            r.PositiveDuration(d + "alpaca.request-timeout", TimeSpan.FromSeconds(30)),
            r.Int(d + "alpaca.max-retries", 4, 0, 100),
            retryBaseDelay,
            maxRetryDelay);

        // Exchange names are upper case in symbols; accept "nyse" as the provider does.
        var csvExchange = r.String(d + "csv.default-exchange", Exchanges.Nyse).Trim().ToUpperInvariant();
        if (!Exchanges.UsEquity.Contains(csvExchange))
        {
            r.Report(d + "csv.default-exchange", $"{d}csv.default-exchange = \"{csvExchange}\" is not a US equity exchange; the csv files hold US daily equity data.",
                $"Use one of {string.Join(", ", Exchanges.UsEquity.Order(StringComparer.Ordinal))} e.g. NYSE.");
            csvExchange = Exchanges.Nyse;
        }

        const string i = d + "ingestion.";
        var defaults = IngestionSettings.Default;
        var ingestion = new IngestionSettings(
            r.Double(i + "freshness-hours", defaults.FreshnessHours, 0, 24 * 366),
            r.Int(i + "parallelism", defaults.Parallelism, 1, 1024),
            r.Int(i + "max-attempts", defaults.MaxAttempts, 1, 100),
            r.PositiveDuration(i + "retry-backoff", defaults.RetryBackoff),
            r.PositiveDecimal(i + "toxic-return", defaults.ToxicReturn),
            r.Int(i + "write-batch-size", defaults.WriteBatchSize, 1, 100_000),
            r.Double(i + "max-missing-fraction", defaults.MaxMissingFraction, 0, 1),
            r.PositiveDuration(i + "write-batch-interval", defaults.WriteBatchInterval));

        var settings = new DataSettings(
            dataDir,
            InData(r.String(d + "lakehouse-dir", "lakehouse")),
            InData(r.String(d + "export-dir", "export")),
            InData(r.String(d + "runs-dir", "runs")),
            provider,
            r.Int(d + "synthetic.seed", 42, int.MinValue, int.MaxValue),
            Path.GetFullPath(r.String(d + "csv.dir", "data/samples"), workingDirectory),
            csvExchange,
            alpaca,
            Path.GetFullPath(r.String(d + "scanners.dir", "hocon/scanners"), workingDirectory),
            ingestion);
        return (settings, r.Problems);

        string InData(string path) => Path.GetFullPath(path, dataDir);
    }
}
