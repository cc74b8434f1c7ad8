namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// An asset as the Trading API's <c>/v2/assets</c> describes it. <see cref="AssetClass"/> is Alpaca's
/// <c>class</c> (us_equity, crypto, us_option); increments are null when Alpaca does not send them (equities).
/// </summary>
public sealed record AlpacaAsset(
    string Ticker,
    string AssetClass,
    string Exchange,
    string? Name,
    string? Status,
    bool Tradable,
    bool Shortable,
    bool Fractionable,
    bool EasyToBorrow,
    decimal? MinTradeIncrement,
    decimal? PriceIncrement);
