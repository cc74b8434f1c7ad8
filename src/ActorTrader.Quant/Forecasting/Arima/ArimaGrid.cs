namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>
/// The bounded grid the order search walks: every (p, q) up to the maxima and, with a period, every seasonal (P, Q) up to
/// theirs, at fixed differencing. Log prices are integrated once, so d = 1 by default.
/// </summary>
public sealed record ArimaGrid(int MaxP = 2, int D = 1, int MaxQ = 2, int Period = 0, int MaxSeasonalP = 0, int SeasonalD = 0, int MaxSeasonalQ = 0,
    bool IncludeMean = true)
{
    public IEnumerable<ArimaOrder> Orders()
    {
        if (MaxP < 0 || MaxQ < 0 || MaxSeasonalP < 0 || MaxSeasonalQ < 0)
            throw new ArgumentException($"ARIMA grid {this} has a negative maximum order; use 0 or more.");
        var seasonal = Period > 1;
        for (var p = 0; p <= MaxP; p++)
            for (var q = 0; q <= MaxQ; q++)
                for (var sp = 0; sp <= (seasonal ? MaxSeasonalP : 0); sp++)
                    for (var sq = 0; sq <= (seasonal ? MaxSeasonalQ : 0); sq++)
                        yield return new ArimaOrder(p, D, q, sp, seasonal ? SeasonalD : 0, sq, seasonal ? Period : 0);
    }
}
