namespace ActorTrader.Strategies.Panel;

/// <summary>
/// Fundamental inputs of one symbol as published at <see cref="KnownFrom"/> (UTC); a strategy sees them only from then on.
/// Any value may be unknown (null). Sector is a GICS-style name used by sector rotation when present.
/// </summary>
public sealed record FundamentalData(
    DateTimeOffset KnownFrom,
    double? MarketCap = null,
    double? BookToPrice = null,
    double? EarningsYield = null,
    double? ReturnOnEquity = null,
    double? DebtToEquity = null,
    string? Sector = null);
