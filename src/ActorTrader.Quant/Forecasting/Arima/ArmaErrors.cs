namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>
/// The residual recursion of a regression with multiplicative seasonal ARMA errors, shared by the fit and the forecast.
/// Parameter layout: [μ?, β₁..β_k, φ₁..φ_p, Φ₁..Φ_P, θ₁..θ_q, Θ₁..Θ_Q].
/// </summary>
internal sealed class ArmaErrors(ArimaOrder order, bool includeMean, int exogenousCount)
{
    public int ArStart { get; } = (includeMean ? 1 : 0) + exogenousCount;

    public int MaStart => ArStart + order.P + order.SeasonalP;

    public int ParameterCount => MaStart + order.Q + order.SeasonalQ;

    public int ArLags => order.P + order.SeasonalP * Math.Max(order.Period, 1);

    /// <summary>AR polynomial 1 + Σ c_l B^l = φ(B)Φ(B^s) and MA polynomial 1 + Σ m_l B^l = θ(B)Θ(B^s) for parameters θ.</summary>
    public (double[] Ar, double[] Ma) Polynomials(ReadOnlySpan<double> theta)
    {
        var period = Math.Max(order.Period, 1);
        var ar = LagPolynomial.Multiply(
            LagPolynomial.FromCoefficients(theta.Slice(ArStart, order.P), 1, -1),
            LagPolynomial.FromCoefficients(theta.Slice(ArStart + order.P, order.SeasonalP), period, -1));
        var ma = LagPolynomial.Multiply(
            LagPolynomial.FromCoefficients(theta.Slice(MaStart, order.Q), 1, 1),
            LagPolynomial.FromCoefficients(theta.Slice(MaStart + order.Q, order.SeasonalQ), period, 1));
        return (ar, ma);
    }

    /// <summary>Fills u (regression errors) and e (innovations) over w; writes e_t for t ≥ start into r and returns the count.</summary>
    public int Residuals(ReadOnlySpan<double> theta, double[] w, double[][] xw, int start, double[] u, double[] e, double[]? r)
    {
        var mean = includeMean ? theta[0] : 0;
        for (var t = 0; t < w.Length; t++)
        {
            var value = w[t] - mean;
            for (var k = 0; k < xw.Length; k++) value -= theta[(includeMean ? 1 : 0) + k] * xw[k][t];
            u[t] = value;
        }
        var (ar, ma) = Polynomials(theta);
        var arLags = ar.Length - 1;
        for (var t = 0; t < w.Length; t++)
        {
            if (t < arLags)
            {
                e[t] = 0;
                continue;
            }
            var value = 0.0;
            for (var l = 0; l <= arLags; l++) value += ar[l] * u[t - l];
            for (var j = 1; j < ma.Length && j <= t; j++) value -= ma[j] * e[t - j];
            e[t] = value;
        }
        if (r is null) return w.Length - start;
        for (var t = start; t < w.Length; t++) r[t - start] = e[t];
        return w.Length - start;
    }
}
