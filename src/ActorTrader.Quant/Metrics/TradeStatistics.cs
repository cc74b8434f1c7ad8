namespace ActorTrader.Quant.Metrics;

/// <summary>Hit-rate style statistics over per-period (or per-trade) returns; NaN = missing, dropped.</summary>
public static class TradeStatistics
{
    /// <summary>Sum of gains / |sum of losses|. +∞ with gains and no losses; NaN when there are neither.</summary>
    public static double ProfitFactor(ReadOnlySpan<double> returns)
    {
        var r = SeriesGuard.Present(returns, nameof(returns));
        double gains = 0, losses = 0;
        foreach (var v in r)
        {
            if (v > 0) gains += v;
            else losses -= v;
        }
        if (losses == 0) return gains > 0 ? double.PositiveInfinity : double.NaN;
        return gains / losses;
    }

    /// <summary>Fraction of observed periods with a strictly positive return (flat periods count as not winning).</summary>
    public static double WinRate(ReadOnlySpan<double> returns)
    {
        var r = SeriesGuard.Present(returns, nameof(returns));
        var wins = 0;
        foreach (var v in r) if (v > 0) wins++;
        return (double)wins / r.Length;
    }
}
