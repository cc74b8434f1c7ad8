using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorTrader.Domain.Bars;
using Serilog;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Alpaca Market Data v2 bars and Trading API assets over HTTP, knowing nothing of the rest of ActorTrader:
/// tickers in, Alpaca's records out. Every call carries the key pair headers, waits for the rate limiter,
/// runs under the per-request timeout and is retried on 429/5xx/timeouts/dropped connections; failures
/// throw <see cref="MarketDataException"/> with <see cref="MarketDataException.IsTransient"/> and the HTTP
/// status. The <see cref="HttpClient"/> belongs to the caller (share one per process).
/// </summary>
public sealed class AlpacaDataClient
{
    private readonly AlpacaDataOptions _options;
    private readonly AlpacaHttpTransport _transport;

    /// <param name="httpClient">Sends the requests; its own Timeout should exceed <see cref="AlpacaDataOptions.RequestTimeout"/>.</param>
    /// <param name="options">Endpoints, limits and credentials; validated here.</param>
    /// <param name="clock">Drives retry delays and the rate limiter (virtual in tests); the system clock by default.</param>
    /// <param name="logger">Receives retries and failed statuses, never credentials.</param>
    public AlpacaDataClient(HttpClient httpClient, AlpacaDataOptions options, TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _transport = new AlpacaHttpTransport(httpClient, options, clock ?? TimeProvider.System, logger);
    }

    /// <summary>
    /// Stock bars of <paramref name="tickers"/> from <c>GET /v2/stocks/bars</c> with start ≤ t ≤ end (Alpaca's end is
    /// inclusive), raw prices, the configured feed, all pages followed. Keyed by Alpaca's ticker; tickers
    /// without bars are absent.
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Bar>>> GetStockBarsAsync(
        IReadOnlyCollection<string> tickers, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken = default) =>
        GetBarsAsync("/v2/stocks/bars", stocks: true, tickers, timeframe, start, end, cancellationToken);

    /// <summary>Crypto bars (tickers like <c>BTC/USD</c>) from <c>GET /v1beta3/crypto/us/bars</c>; same shape and paging as stocks.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Bar>>> GetCryptoBarsAsync(
        IReadOnlyCollection<string> tickers, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken = default) =>
        GetBarsAsync("/v1beta3/crypto/us/bars", stocks: false, tickers, timeframe, start, end, cancellationToken);

    /// <summary>
    /// Active assets from the Trading API's <c>GET /v2/assets?status=active</c>; <paramref name="assetClass"/>
    /// (us_equity, crypto) narrows them, null leaves Alpaca's default (us_equity).
    /// </summary>
    public async Task<IReadOnlyList<AlpacaAsset>> GetAssetsAsync(string? assetClass = null, CancellationToken cancellationToken = default)
    {
        var query = assetClass is null ? "status=active" : $"status=active&asset_class={Uri.EscapeDataString(assetClass)}";
        var url = Build(_options.TradingBaseUrl, "/v2/assets", query);
        var what = assetClass is null ? "the active assets" : $"the active {assetClass} assets";
        var body = await _transport.GetAsync(url, what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
        return Read(() => AlpacaAssetParser.ParseList(body!), what, url);
    }

    /// <summary>One asset from <c>GET /v2/assets/{ticker}</c>; null when Alpaca does not know the ticker (404).</summary>
    public async Task<AlpacaAsset?> GetAssetAsync(string ticker, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        var url = Build(_options.TradingBaseUrl, "/v2/assets/" + Uri.EscapeDataString(ticker), query: null);
        var what = $"asset {ticker}";
        var body = await _transport.GetAsync(url, what, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        return body is null ? null : Read(() => AlpacaAssetParser.ParseOne(body), what, url);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Bar>>> GetBarsAsync(
        string path, bool stocks, IReadOnlyCollection<string> tickers, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentNullException.ThrowIfNull(timeframe);
        if (tickers.Count == 0) throw new ArgumentException("At least one ticker is needed.", nameof(tickers));
        var what = $"{timeframe} bars of {string.Join(",", tickers)}";
        var bars = new Dictionary<string, List<Bar>>(StringComparer.Ordinal);
        // Alpaca's page token is opaque; one seen before means the server is looping, not progressing.
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        var pages = 0;
        do
        {
            var url = Build(_options.DataBaseUrl, path, BarsQuery(stocks, tickers, timeframe, start, end, pageToken));
            var body = await _transport.GetAsync(url, what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
            var page = Read(() => AlpacaBarsParser.Parse(body!), what, url);
            pages++;
            foreach (var (ticker, series) in page.Bars)
            {
                if (bars.TryGetValue(ticker, out var existing)) existing.AddRange(series);
                else bars[ticker] = series;
            }
            pageToken = page.NextPageToken;
            if (pageToken is not null && !seenTokens.Add(pageToken))
                throw AlpacaErrors.RepeatedPageToken(what, url, pages);
        }
        while (pageToken is not null);

        return bars.ToDictionary(p => p.Key, p => (IReadOnlyList<Bar>)p.Value, StringComparer.Ordinal);
    }

    private string BarsQuery(bool stocks, IReadOnlyCollection<string> tickers, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end, string? pageToken)
    {
        var query = new StringBuilder()
            .Append("symbols=").AppendJoin(',', tickers.Select(Uri.EscapeDataString))
            .Append("&timeframe=").Append(Uri.EscapeDataString(timeframe.Name))
            .Append("&start=").Append(Uri.EscapeDataString(AlpacaTimestamp.Format(start)))
            .Append("&end=").Append(Uri.EscapeDataString(AlpacaTimestamp.Format(end)))
            .Append("&limit=").Append(_options.PageLimit.ToString(CultureInfo.InvariantCulture))
            .Append("&sort=asc");
        // Raw prices: the lakehouse stores what traded and applies corporate actions itself.
        if (stocks) query.Append("&adjustment=raw&feed=").Append(Uri.EscapeDataString(_options.Feed));
        if (pageToken is not null) query.Append("&page_token=").Append(Uri.EscapeDataString(pageToken));
        return query.ToString();
    }

    private T Read<T>(Func<T> parse, string what, Uri url)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw _transport.Errors.Unreadable(what, url, e);
        }
    }

    private static Uri Build(Uri baseUrl, string path, string? query)
    {
        // The base URL may carry a path prefix (a proxy); keep it and append the route.
        var builder = new UriBuilder(baseUrl);
        builder.Path = builder.Path.TrimEnd('/') + path;
        builder.Query = query ?? "";
        return builder.Uri;
    }
}
