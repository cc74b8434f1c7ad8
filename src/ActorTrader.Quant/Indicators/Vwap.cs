namespace ActorTrader.Quant.Indicators;

/// <summary>Volume-weighted average price of the typical price (H + L + C)/3.</summary>
public static class Vwap
{
    /// <summary>Cumulative VWAP from the first bar: Σ TP·V / Σ V; NaN while the cumulative volume is 0. No warm-up.</summary>
    public static double[] Cumulative(PriceBars bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return Anchored(bars, null);
    }

    /// <summary>
    /// Session-anchored VWAP: the sums restart whenever <paramref name="sessionIds"/> changes from one bar to the next
    /// (e.g. the trading date as yyyymmdd), like TradingView's VWAP anchored to "Session".
    /// </summary>
    public static double[] Session(PriceBars bars, ReadOnlySpan<long> sessionIds)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (sessionIds.Length != bars.Count)
            throw new ArgumentException($"sessionIds has {sessionIds.Length} values but bars has {bars.Count}; pass one session id per bar.", nameof(sessionIds));
        return Anchored(bars, sessionIds.ToArray());
    }

    private static double[] Anchored(PriceBars bars, long[]? sessions)
    {
        var y = IndicatorGuard.NaNs(bars.Count);
        double pv = 0, v = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            if (sessions is not null && i > 0 && sessions[i] != sessions[i - 1]) (pv, v) = (0, 0);
            var tp = (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3;
            pv += tp * bars.Volume[i];
            v += bars.Volume[i];
            if (v != 0) y[i] = pv / v;
        }
        return y;
    }
}
