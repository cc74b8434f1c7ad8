using ActorTrader.Quant.Forecasting.Fitting;

namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>
/// Fits one seasonal ARIMA order with optional exogenous regressors (regression with SARIMA errors, i.e. SARIMAX) by
/// conditional sum of squares, as R's <c>arima(method = "CSS")</c>: the series and regressors are differenced by
/// (1 − B)^d (1 − B^s)^D, u_t = w_t − μ − β·x_t follows the multiplicative ARMA model, and residuals start after the
/// longest AR lag with earlier errors taken as zero. AIC = m·ln(σ̂²) + 2(k + 1) over the m residuals.
/// </summary>
public static class ArimaEstimator
{
    public static ArimaCandidate Fit(ReadOnlySpan<double> series, ArimaOrder order, bool includeMean = true, IReadOnlyList<double[]>? exogenous = null,
        int conditionOn = 0, CancellationToken cancellationToken = default)
    {
        order.Validate();
        var exog = exogenous ?? [];
        foreach (var column in exog)
            if (column.Length != series.Length)
                throw new ArgumentException($"An exogenous regressor has {column.Length} values but the series has {series.Length}; pass one value per observation.", nameof(exogenous));
        var differencing = LagPolynomial.Differencing(order.D, order.SeasonalD, order.Period);
        var w = LagPolynomial.Apply(differencing, series);
        var xw = exog.Select(column => LagPolynomial.Apply(differencing, column)).ToArray();
        var model = new ArmaErrors(order, includeMean, xw.Length);
        var start = Math.Max(conditionOn, model.ArLags);
        var count = w.Length - start;
        var parameterCount = model.ParameterCount;
        if (count < parameterCount + 10)
            throw new ModelFitException($"ARIMA{order}: {series.Length} observations leave {count} residuals for {parameterCount} parameters; use a longer history or a smaller grid.");

        var initial = new double[parameterCount];
        if (includeMean) initial[0] = Average(w);
        for (var i = model.ArStart; i < parameterCount; i++) initial[i] = i < model.MaStart ? 0.1 : 0.0;
        var u = new double[w.Length];
        var e = new double[w.Length];
        int Residuals(double[] theta, double[] r) => model.Residuals(theta, w, xw, start, u, e, r);
        var minimum = LevenbergMarquardt.Minimize(Residuals, initial, count, cancellationToken: cancellationToken);
        var residuals = new double[count];
        Residuals(minimum.Point, residuals);
        var sigma2 = minimum.Value / count;
        var aic = count * Math.Log(sigma2) + 2 * (parameterCount + 1);
        var candidate = new ArimaCandidate(order, includeMean, xw.Length, minimum.Point, sigma2, aic, residuals, null);
        var scale = w.Length == 0 ? 0 : w.Average(v => v * v);
        return candidate with { DiscardReason = Check(candidate, minimum, scale) };
    }

    private static string? Check(ArimaCandidate candidate, Minimum minimum, double meanSquare)
    {
        if (candidate.Sigma2 <= 1e-14 * meanSquare)
            return $"residual variance {candidate.Sigma2:G3} is numerically zero: the differenced series is deterministic, there is nothing to model";
        if (!minimum.Converged) return $"did not converge within 100 Levenberg–Marquardt iterations ({minimum.Evaluations} evaluations)";
        if (!double.IsFinite(candidate.Aic) || !(candidate.Sigma2 > 0)) return $"residual variance {candidate.Sigma2} is not positive and finite";
        var ar = LagPolynomial.Multiply(LagPolynomial.FromCoefficients(candidate.Ar, 1, -1), LagPolynomial.FromCoefficients(candidate.SeasonalAr, candidate.Order.Period, -1));
        if (!LagPolynomial.RootsOutsideUnitCircle(ar, out var arRoot))
            return $"AR part is not stationary (a root of modulus {arRoot:0.####} is inside or on the unit circle)";
        var ma = LagPolynomial.Multiply(LagPolynomial.FromCoefficients(candidate.Ma, 1, 1), LagPolynomial.FromCoefficients(candidate.SeasonalMa, candidate.Order.Period, 1));
        if (!LagPolynomial.RootsOutsideUnitCircle(ma, out var maRoot))
            return $"MA part is not invertible (a root of modulus {maRoot:0.####} is inside or on the unit circle)";
        return null;
    }

    private static double Average(double[] values)
    {
        var s = 0.0;
        foreach (var v in values) s += v;
        return values.Length == 0 ? 0 : s / values.Length;
    }
}
