using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Symbol ↔ Alpaca: Alpaca names instruments by ticker alone (AAPL, BTC/USD), so the exchange prefix is dropped
/// in requests and answers are mapped back to the symbol that was asked for. <c>CRYPTO:*</c> symbols use the
/// crypto routes.
/// </summary>
public static class AlpacaSymbols
{
    public const string CryptoExchange = "CRYPTO";

    public static bool IsCrypto(Symbol symbol) => symbol.Exchange == CryptoExchange;

    /// <summary>
    /// The profile of an asset class. Alpaca's asset object has no ETF flag, so ETFs come back as
    /// <see cref="AssetProfile.UsEquity"/>; the catalog overrides them from its own list. Classes ActorTrader
    /// does not trade (us_option) give null.
    /// </summary>
    public static AssetProfile? ProfileOf(string assetClass) => assetClass switch
    {
        "us_equity" => AssetProfile.UsEquity,
        "crypto" => AssetProfile.Crypto,
        _ => null,
    };

    /// <summary>
    /// The symbol an asset stands for: its own exchange (NASDAQ, NYSE, ARCA, …), or CRYPTO for crypto whatever
    /// venue Alpaca names. False when the ticker holds characters a <see cref="Symbol"/> cannot.
    /// </summary>
    public static bool TrySymbolOf(AlpacaAsset asset, out Symbol symbol)
    {
        var exchange = asset.AssetClass == "crypto" ? CryptoExchange : asset.Exchange;
        return Symbol.TryParse($"{exchange}:{asset.Ticker}", out symbol, out _);
    }

    /// <summary>What the provider reports for <paramref name="asset"/>, under the <paramref name="symbol"/> asked for.</summary>
    public static SymbolMetadata ToMetadata(Symbol symbol, AssetProfile profile, AlpacaAsset asset) =>
        new(
            symbol,
            profile,
            Name: asset.Name,
            TickSize: asset.PriceIncrement,
            LotSize: asset.MinTradeIncrement,
            Tradable: asset.Tradable,
            Shortable: asset.Shortable);
}
