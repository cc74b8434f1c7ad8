namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// One session's OHLCV in ticks, and the log open/close and daily volatility the minute path is built from.
/// Invariants: Low ≤ min(Open, Close) and High ≥ max(Open, Close); Volume and TradeCount ≥ 1.
/// </summary>
internal readonly record struct DailyShape(
    long Open,
    long High,
    long Low,
    long Close,
    long Volume,
    long TradeCount,
    double LogOpen,
    double LogClose,
    double DailySigma)
{
    // Share of the close-to-close move that happens overnight (equities), and overnight noise in daily σ.
    private const double GapShare = 0.3;
    private const double GapNoise = 0.25;
    private const double WickScale = 0.4;
    private const double VolumeNoise = 0.35;
    private const double EarlyCloseVolumeShare = 0.55;

    /// <summary>
    /// The bar of session <paramref name="day"/> whose previous close is exp(<paramref name="logPreviousClose"/>)
    /// and close exp(<paramref name="logClose"/>). All draws are keyed by the day, never by the request.
    /// </summary>
    public static DailyShape Create(SyntheticInstrument instrument, SyntheticTimeline timeline, int day, double logPreviousClose, double logClose)
    {
        var schedule = instrument.Schedule;
        var regime = timeline.Regimes.Multiplier(day);
        var sigma = instrument.TotalSigma * regime * schedule.SessionScale;
        var move = logClose - logPreviousClose;
        var shapeKey = instrument.ShapeKey;
        var (gapDraw, volumeDraw) = CounterRng.NormalPair(shapeKey, 2L * day);
        // Wicks are exponential (mean 1): cheaper than |normal| and with a similar shape.
        var (highDraw, lowDraw) = CounterRng.ExponentialPair(shapeKey, (4L * day) + 2);

        // Crypto trades continuously: the open is the previous close. Equities gap overnight.
        var logOpen = instrument.IsCrypto
            ? logPreviousClose
            : logPreviousClose + (GapShare * move) + (GapNoise * sigma * gapDraw);
        var decimals = instrument.PriceDecimals;
        var open = PriceTicks.FromLog(logOpen, decimals);
        var close = PriceTicks.FromLog(logClose, decimals);
        var high = Math.Max(PriceTicks.FromLog(Math.Max(logOpen, logClose) + (WickScale * sigma * highDraw), decimals), Math.Max(open, close));
        var low = Math.Min(PriceTicks.FromLog(Math.Min(logOpen, logClose) - (WickScale * sigma * lowDraw), decimals), Math.Min(open, close));

        // Log-normal around the symbol's level, higher on big moves and in stressed regimes, lower on half days.
        var moveBoost = 0.6 + (0.5 * Math.Abs(move) / sigma);
        var volumeUnits = instrument.VolumeLevel * Math.Exp((VolumeNoise * volumeDraw) - (0.5 * VolumeNoise * VolumeNoise))
            * moveBoost * timeline.Regimes.VolumeFactor(day) * (schedule.Day(day).IsEarlyClose ? EarlyCloseVolumeShare : 1.0);
        var volume = PriceTicks.FromValue(volumeUnits, instrument.VolumeDecimals, minimum: 1);
        var tradeNoise = 0.85 + (0.3 * CounterRng.Uniform(instrument.TradeCountKey, day));
        var tradeCount = Math.Max(1, (long)Math.Round(volumeUnits / instrument.AverageTradeSize * tradeNoise));
        return new DailyShape(open, high, low, close, volume, tradeCount, logOpen, logClose, sigma);
    }
}
