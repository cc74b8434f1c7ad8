using ActorTrader.Quant.Metrics;
using MathNet.Numerics.Distributions;

namespace ActorTrader.Quant.Statistics;

/// <summary>
/// Ljung–Box (1978) portmanteau test for autocorrelation up to a lag — the same statistic as R's
/// <c>Box.test(x, lag, type = "Ljung-Box", fitdf)</c>: Q = n(n + 2) Σ_{k=1}^{m} ρ̂_k² / (n − k), referred to χ² with
/// m − fitdf degrees of freedom. On a model's residuals, pass the number of fitted ARMA coefficients as
/// <c>fittedParameters</c>. A small p-value says the residuals are still autocorrelated (the model missed structure).
/// </summary>
public static class LjungBox
{
    /// <summary>Tests <paramref name="series"/> (finite, non-constant) for autocorrelation at lags 1..<paramref name="lags"/>.</summary>
    public static TestResult Test(ReadOnlySpan<double> series, int lags, int fittedParameters = 0)
    {
        if (lags < 1) throw new ArgumentOutOfRangeException(nameof(lags), lags, "lags is the number of autocorrelations tested and must be at least 1.");
        if (fittedParameters < 0 || fittedParameters >= lags)
            throw new ArgumentOutOfRangeException(nameof(fittedParameters), fittedParameters,
                $"fittedParameters must be between 0 and lags − 1 = {lags - 1}; test more lags than the model has ARMA coefficients.");
        var n = series.Length;
        if (n <= lags + 1)
            throw new ArgumentException($"series has {n} values; testing {lags} lags needs at least {lags + 2}.", nameof(series));
        for (var t = 0; t < n; t++)
            if (!double.IsFinite(series[t]))
                throw new ArgumentException($"series[{t}] is {series[t]}; drop missing values before testing.", nameof(series));
        var mean = SeriesGuard.Mean(series);
        var denominator = 0.0;
        for (var t = 0; t < n; t++) denominator += (series[t] - mean) * (series[t] - mean);
        if (denominator == 0) throw new ArgumentException("series is constant; its autocorrelations are undefined.", nameof(series));
        var q = 0.0;
        for (var k = 1; k <= lags; k++)
        {
            var numerator = 0.0;
            for (var t = k; t < n; t++) numerator += (series[t] - mean) * (series[t - k] - mean);
            var rho = numerator / denominator;
            q += rho * rho / (n - k);
        }
        q *= n * (n + 2.0);
        var freedom = lags - fittedParameters;
        return new TestResult(q, 1 - ChiSquared.CDF(freedom, q), freedom, q, Alternative.Greater);
    }
}
