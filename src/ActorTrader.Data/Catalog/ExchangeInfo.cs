namespace ActorTrader.Data.Catalog;

/// <summary>
/// One row of <c>exchanges.parquet</c>: the defaults a symbol on this exchange inherits when its provider does not
/// say. <see cref="Session"/> is <c>HH:mm-HH:mm</c> in the exchange's time zone, or <c>24x7</c> (see <see cref="SessionHours"/>).
/// <see cref="IsFallback"/> marks an exchange the catalog met without knowing it, filled with the documented fallback.
/// </summary>
public sealed record ExchangeInfo(
    string Code,
    string? Mic,
    string Name,
    string TimeZone,
    string Session,
    string Calendar,
    decimal? TickSize,
    decimal? LotSize,
    bool IsFallback);
