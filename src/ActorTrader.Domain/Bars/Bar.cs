namespace ActorTrader.Domain.Bars;

/// <summary>
/// One OHLCV bar. <see cref="Timestamp"/> is the bar's start in UTC (Alpaca's convention; a daily bar
/// of a US equity starts at the session's local midnight expressed in UTC). Prices and volume are
/// decimal (money is decimal); <see cref="Vwap"/> is 0 and <see cref="TradeCount"/> 0 when unknown.
/// </summary>
public readonly record struct Bar(
    DateTimeOffset Timestamp,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    long TradeCount = 0,
    decimal Vwap = 0m)
{
    // Normalized on the way in (constructor and `with`), so a bar given in exchange-local time still holds UTC.
    private readonly DateTimeOffset _timestamp = Timestamp.ToUniversalTime();

    /// <summary>The bar's start, always with a zero offset (the same instant as given).</summary>
    public DateTimeOffset Timestamp
    {
        get => _timestamp;
        init => _timestamp = value.ToUniversalTime();
    }
}
