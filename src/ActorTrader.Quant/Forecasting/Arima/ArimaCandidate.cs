namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>
/// One order's fit during the grid search. A candidate that did not converge, or whose estimates are not stationary or
/// not invertible, is discarded: <see cref="DiscardReason"/> says why and it takes no part in the AIC comparison.
/// </summary>
public sealed record ArimaCandidate(ArimaOrder Order, bool IncludeMean, int ExogenousCount, double[] Coefficients, double Sigma2, double Aic,
    double[] Residuals, string? DiscardReason)
{
    public bool Usable => DiscardReason is null;

    public double Mean => IncludeMean ? Coefficients[0] : 0;

    private int Offset => (IncludeMean ? 1 : 0) + ExogenousCount;

    public ReadOnlySpan<double> Betas => Coefficients.AsSpan(IncludeMean ? 1 : 0, ExogenousCount);

    public ReadOnlySpan<double> Ar => Coefficients.AsSpan(Offset, Order.P);

    public ReadOnlySpan<double> SeasonalAr => Coefficients.AsSpan(Offset + Order.P, Order.SeasonalP);

    public ReadOnlySpan<double> Ma => Coefficients.AsSpan(Offset + Order.P + Order.SeasonalP, Order.Q);

    public ReadOnlySpan<double> SeasonalMa => Coefficients.AsSpan(Offset + Order.P + Order.SeasonalP + Order.Q, Order.SeasonalQ);
}
