using System.Collections.Concurrent;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// Symbol ↔ Alpaca ticker. Alpaca names instruments by ticker alone (AAPL, BTC/USD; positions write crypto without
/// the slash, BTCUSD), so going back to an <c>EXCHANGE:TICKER</c> symbol needs, in this order: the symbol this broker
/// sent for the ticker (answers come back under the symbol that was asked for), the symbol known for the asset id,
/// <c>CRYPTO:</c> for crypto, the exchange the answer itself names (positions), and last the asset's exchange from
/// <c>GET /v2/assets/{asset id or ticker}</c>, remembered afterwards. Thread-safe.
/// </summary>
internal sealed class AlpacaSymbolMap
{
    // USDT and USDC before USD: BTCUSDT is BTC/USDT.
    private static readonly string[] CryptoQuoteCurrencies = ["USDT", "USDC", "USD", "BTC"];

    private readonly ConcurrentDictionary<string, Symbol> _byTicker = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Symbol> _byAssetId = new(StringComparer.Ordinal);
    private readonly Func<string, CancellationToken, Task<AlpacaAsset?>> _lookup;

    /// <param name="lookup">Fetches an asset by id or ticker (null when Alpaca does not know it).</param>
    public AlpacaSymbolMap(Func<string, CancellationToken, Task<AlpacaAsset?>> lookup) => _lookup = lookup;

    /// <summary>The ticker Alpaca uses for <paramref name="symbol"/> in order bodies: the symbol's ticker (BTC/USD for crypto).</summary>
    public static string TickerOf(Symbol symbol) => symbol.Ticker;

    /// <summary>The ticker as a URL path segment (positions, assets): crypto without its slash (BTCUSD), as Alpaca accepts it there.</summary>
    public static string PathTickerOf(Symbol symbol) => symbol.Ticker.Replace("/", "", StringComparison.Ordinal);

    /// <summary>
    /// Remembers that answers about <paramref name="ticker"/> (and <paramref name="assetId"/>) mean <paramref name="symbol"/>,
    /// replacing what was known: the symbol a caller used is the one answers must come back under.
    /// </summary>
    public void Remember(string ticker, Symbol symbol, string? assetId = null) => Store(ticker, symbol, assetId, overwrite: true);

    /// <summary>Like <see cref="Remember"/>, but keeps what was known: a listing must not override a symbol a caller used.</summary>
    public void Learn(string ticker, Symbol symbol, string? assetId = null) => Store(ticker, symbol, assetId, overwrite: false);

    /// <summary>The symbol when it can be named without asking Alpaca, else null.</summary>
    public Symbol? TryResolveKnown(string ticker, string? assetClass, string? assetId, string? exchange)
    {
        if (_byTicker.TryGetValue(ticker, out var known)) return known;
        if (assetId is not null && _byAssetId.TryGetValue(assetId, out known)) return known;
        if (string.Equals(assetClass, "crypto", StringComparison.OrdinalIgnoreCase) || ticker.Contains('/', StringComparison.Ordinal))
            return TryCrypto(ticker, out var crypto) ? Learned(ticker, crypto, assetId) : null;
        if (!string.IsNullOrEmpty(exchange) && Symbol.TryParse($"{exchange}:{ticker}", out var listed, out _))
            return Learned(ticker, listed, assetId);
        return null;
    }

    /// <summary>
    /// The symbol of an instrument Alpaca named <paramref name="ticker"/>; asks for the asset when it must. Throws
    /// <see cref="FormatException"/> when Alpaca does not know the asset or its ticker cannot be a symbol.
    /// </summary>
    public async Task<Symbol> ResolveAsync(string ticker, string? assetClass, string? assetId, string? exchange, CancellationToken cancellationToken)
    {
        if (TryResolveKnown(ticker, assetClass, assetId, exchange) is { } known) return known;
        var asset = await _lookup(assetId ?? ticker, cancellationToken).ConfigureAwait(false);
        if (asset is null)
            throw new FormatException($"Alpaca answered about ticker \"{ticker}\" (asset {assetId ?? "unknown"}) but does not list that asset, " +
                                      "so its exchange is unknown. Fix: check the asset at Alpaca; reconcile the order or position by hand.");
        if (!AlpacaSymbols.TrySymbolOf(asset, out var symbol))
            throw new FormatException($"Alpaca's asset {asset.Ticker} on {asset.Exchange} cannot be written as EXCHANGE:TICKER. " +
                                      "Fix: trade it outside ActorTrader, or extend Symbol's character set.");
        Learn(asset.Ticker, symbol, assetId);
        return Learned(ticker, symbol, assetId);
    }

    private Symbol Learned(string ticker, Symbol symbol, string? assetId)
    {
        Learn(ticker, symbol, assetId);
        return symbol;
    }

    private void Store(string ticker, Symbol symbol, string? assetId, bool overwrite)
    {
        foreach (var key in AlpacaSymbols.IsCrypto(symbol) ? new[] { ticker, ticker.Replace("/", "", StringComparison.Ordinal) } : [ticker])
        {
            if (overwrite) _byTicker[key] = symbol;
            else _byTicker.TryAdd(key, symbol);
        }
        if (string.IsNullOrEmpty(assetId)) return;
        if (overwrite) _byAssetId[assetId] = symbol;
        else _byAssetId.TryAdd(assetId, symbol);
    }

    private static bool TryCrypto(string ticker, out Symbol symbol)
    {
        var pair = ticker;
        if (!ticker.Contains('/', StringComparison.Ordinal))
        {
            var quote = CryptoQuoteCurrencies.FirstOrDefault(q => ticker.Length > q.Length && ticker.EndsWith(q, StringComparison.OrdinalIgnoreCase));
            if (quote is not null) pair = $"{ticker[..^quote.Length]}/{ticker[^quote.Length..]}";
        }
        return Symbol.TryParse($"{AlpacaSymbols.CryptoExchange}:{pair}", out symbol, out _);
    }
}
