namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>Orders of a seasonal ARIMA model (p, d, q)(P, D, Q)<sub>s</sub>; <see cref="Period"/> 0 means no seasonal part.</summary>
public sealed record ArimaOrder(int P, int D, int Q, int SeasonalP = 0, int SeasonalD = 0, int SeasonalQ = 0, int Period = 0)
{
    public bool IsSeasonal => Period > 1 && (SeasonalP > 0 || SeasonalD > 0 || SeasonalQ > 0);

    /// <summary>Number of ARMA coefficients (the degrees of freedom Ljung–Box loses on the residuals).</summary>
    public int ArmaCoefficients => P + Q + SeasonalP + SeasonalQ;

    public override string ToString() =>
        IsSeasonal ? $"({P},{D},{Q})({SeasonalP},{SeasonalD},{SeasonalQ})[{Period}]" : $"({P},{D},{Q})";

    internal void Validate()
    {
        if (P < 0 || D < 0 || Q < 0 || SeasonalP < 0 || SeasonalD < 0 || SeasonalQ < 0)
            throw new ArgumentException($"ARIMA order {this} has a negative term; orders are counts of lags.");
        if (D > 2 || SeasonalD > 1)
            throw new ArgumentException($"ARIMA order {this} differences too often; use d ≤ 2 and D ≤ 1.");
        if ((SeasonalP > 0 || SeasonalD > 0 || SeasonalQ > 0) && Period < 2)
            throw new ArgumentException($"ARIMA order {this} has seasonal terms but period {Period}; set the seasonal period (e.g. 5 trading days) or drop the seasonal terms.");
    }
}
