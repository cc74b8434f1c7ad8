using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// The <c>alpaca</c> market-data provider: bars from Market Data v2 (stocks with the configured feed, raw prices;
/// <c>CRYPTO:*</c> from the crypto route) and symbol metadata from the Trading API's assets.
/// <list type="bullet">
/// <item>Requests use the ticker alone; bars come back under the <see cref="Symbol"/> that was asked for.</item>
/// <item>Alpaca's <c>end</c> is inclusive, <see cref="BarRequest"/>'s is exclusive: a bar stamped exactly at
/// <see cref="BarRequest.End"/> is dropped here, as is anything outside the range.</item>
/// <item>ETFs are reported as <see cref="AssetProfile.UsEquity"/>: Alpaca's asset object does not tell them apart.</item>
/// </list>
/// </summary>
public sealed class AlpacaMarketDataProvider : IMarketDataProvider
{
    // Up to this many symbols are looked up one by one; more fetch the whole active list once (fewer requests).
    private const int PerSymbolLookupLimit = 25;

    private readonly AlpacaDataClient _client;

    public AlpacaMarketDataProvider(AlpacaDataClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public string Name => "alpaca";

    public bool IsSynthetic => false;

    public async Task<IReadOnlyList<Bar>> GetBarsAsync(BarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.End <= request.Start) return [];
        var ticker = request.Symbol.Ticker;
        var byTicker = AlpacaSymbols.IsCrypto(request.Symbol)
            ? await _client.GetCryptoBarsAsync([ticker], request.Timeframe, request.Start, request.End, cancellationToken).ConfigureAwait(false)
            : await _client.GetStockBarsAsync([ticker], request.Timeframe, request.Start, request.End, cancellationToken).ConfigureAwait(false);
        if (!byTicker.TryGetValue(ticker, out var bars)) return [];
        return bars
            .Where(b => b.Timestamp >= request.Start && b.Timestamp < request.End)
            .OrderBy(b => b.Timestamp)
            .ToList();
    }

    public async Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(
        IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default)
    {
        if (symbols is null) return await AllActiveAsync(cancellationToken).ConfigureAwait(false);
        if (symbols.Count <= PerSymbolLookupLimit) return await OneByOneAsync(symbols, cancellationToken).ConfigureAwait(false);

        var listed = new Dictionary<(string Ticker, bool Crypto), AlpacaAsset>();
        foreach (var assetClass in symbols.Any(AlpacaSymbols.IsCrypto) ? new[] { null, "crypto" } : new string?[] { null })
        {
            foreach (var asset in await _client.GetAssetsAsync(assetClass, cancellationToken).ConfigureAwait(false))
                listed[(asset.Ticker, asset.AssetClass == "crypto")] = asset;
        }
        var result = new List<SymbolMetadata>();
        foreach (var symbol in symbols)
        {
            if (listed.TryGetValue((symbol.Ticker, AlpacaSymbols.IsCrypto(symbol)), out var asset) && AlpacaSymbols.ProfileOf(asset.AssetClass) is { } profile)
                result.Add(AlpacaSymbols.ToMetadata(symbol, profile, asset));
        }
        return result;
    }

    private async Task<IReadOnlyList<SymbolMetadata>> OneByOneAsync(IReadOnlyCollection<Symbol> symbols, CancellationToken cancellationToken)
    {
        var result = new List<SymbolMetadata>(symbols.Count);
        foreach (var symbol in symbols)
        {
            // A ticker Alpaca does not list (404) is simply not known to this provider.
            var asset = await _client.GetAssetAsync(symbol.Ticker, cancellationToken).ConfigureAwait(false);
            if (asset is not null && AlpacaSymbols.ProfileOf(asset.AssetClass) is { } profile)
                result.Add(AlpacaSymbols.ToMetadata(symbol, profile, asset));
        }
        return result;
    }

    private async Task<IReadOnlyList<SymbolMetadata>> AllActiveAsync(CancellationToken cancellationToken)
    {
        var result = new List<SymbolMetadata>();
        // Alpaca lists us_equity unless asked for another class; crypto is a second call.
        foreach (var assetClass in new[] { null, "crypto" })
        {
            foreach (var asset in await _client.GetAssetsAsync(assetClass, cancellationToken).ConfigureAwait(false))
            {
                // Options and tickers a Symbol cannot spell are outside ActorTrader's universe.
                if (AlpacaSymbols.ProfileOf(asset.AssetClass) is { } profile && AlpacaSymbols.TrySymbolOf(asset, out var symbol))
                    result.Add(AlpacaSymbols.ToMetadata(symbol, profile, asset));
            }
        }
        return result;
    }
}
