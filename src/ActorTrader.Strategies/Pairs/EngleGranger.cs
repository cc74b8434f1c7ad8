using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Strategies.Pairs;

/// <summary>
/// Engle-Granger two-step cointegration test (Engle and Granger 1987): OLS of y on a constant and x, then an augmented
/// Dickey-Fuller regression on the residuals, Δe_t = γ·e_{t−1} + Σ_{i=1..p} φ_i·Δe_{t−i} + u_t (no constant: the residuals
/// have mean zero by construction), whose t-statistic of γ is compared with MacKinnon's response-surface critical value.
/// <para>
/// Critical values: MacKinnon (2010), "Critical Values for Cointegration Tests", Queen's Economics Department Working Paper
/// 1227, Table 2, N = 2 variables with a constant: τ(T) = τ∞ + τ₁/T + τ₂/T² with
/// 1%: −3.89644, −10.9519, −33.527; 5%: −3.33613, −6.1101, −6.823; 10%: −3.04445, −4.2412, −2.720
/// (the same coefficients statsmodels' <c>coint</c> uses). T is the number of observations in the cointegrating regression.
/// At T = 252 the 5% value is about −3.360. Ordinary Dickey-Fuller tables (−2.86 at 5%) would be wrong here: estimated
/// residuals look more stationary than the true errors.
/// </para>
/// </summary>
public static class EngleGranger
{
    private static readonly double[][] MacKinnon2010 =
    [
        [-3.89644, -10.9519, -33.527],
        [-3.33613, -6.1101, -6.823],
        [-3.04445, -4.2412, -2.720],
    ];

    /// <summary>The critical value for <paramref name="observations"/> observations at <paramref name="significance"/>.</summary>
    public static double CriticalValue(int observations, Significance significance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations, 1);
        var c = MacKinnon2010[(int)significance];
        double t = observations;
        return c[0] + c[1] / t + c[2] / (t * t);
    }

    /// <summary>
    /// Tests <paramref name="y"/> against <paramref name="x"/> (aligned, finite, e.g. log prices) with <paramref name="lags"/>
    /// lagged differences in the ADF regression. A constant x gives β = 0 and a statistic of +∞ (never cointegrated).
    /// </summary>
    public static CointegrationTest Test(ReadOnlySpan<double> y, ReadOnlySpan<double> x, int lags = 1, Significance significance = Significance.FivePercent)
    {
        if (y.Length != x.Length) throw new ArgumentException($"y has {y.Length} values but x has {x.Length}; pass aligned series.", nameof(x));
        ArgumentOutOfRangeException.ThrowIfNegative(lags);
        var n = y.Length;
        var minimum = 2 * lags + 10;
        if (n < minimum) throw new ArgumentException($"The test with {lags} lag(s) needs at least {minimum} observations; got {n}.", nameof(y));
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(y[i]) || !double.IsFinite(x[i]))
                throw new ArgumentException(FormattableString.Invariant($"Observation {i} is not finite (y = {y[i]}, x = {x[i]}); fill or drop missing bars first."), nameof(y));
        }

        var critical = CriticalValue(n, significance);
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++) { meanX += x[i]; meanY += y[i]; }
        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (!(sxx > 0)) return new CointegrationTest(meanY, 0, double.PositiveInfinity, critical, n, lags);
        var beta = sxy / sxx;
        var alpha = meanY - beta * meanX;
        var residuals = new double[n];
        for (var i = 0; i < n; i++) residuals[i] = y[i] - alpha - beta * x[i];
        return new CointegrationTest(alpha, beta, AdfStatistic(residuals, lags), critical, n, lags);
    }

    /// <summary>t-statistic of γ in the no-constant ADF regression of <paramref name="e"/> with <paramref name="lags"/> lagged differences.</summary>
    internal static double AdfStatistic(double[] e, int lags)
    {
        var n = e.Length;
        var rows = n - 1 - lags;
        var columns = 1 + lags;
        // Row r explains Δe at t = r + lags + 1 by e_{t−1} and Δe_{t−1} .. Δe_{t−lags}.
        var design = Matrix<double>.Build.Dense(rows, columns, (r, c) =>
        {
            var t = r + lags + 1;
            return c == 0 ? e[t - 1] : e[t - c] - e[t - c - 1];
        });
        var response = Vector<double>.Build.Dense(rows, r => e[r + lags + 1] - e[r + lags]);
        var xtx = design.TransposeThisAndMultiply(design);
        if (!(Math.Abs(xtx.Determinant()) > 0)) return double.PositiveInfinity;
        var inverse = xtx.Inverse();
        var coefficients = inverse * design.TransposeThisAndMultiply(response);
        var residual = response - design * coefficients;
        var degreesOfFreedom = rows - columns;
        if (degreesOfFreedom <= 0) return double.PositiveInfinity;
        var variance = residual.DotProduct(residual) / degreesOfFreedom;
        var standardError = Math.Sqrt(variance * inverse[0, 0]);
        // A perfect fit (zero residual variance) with γ < 0 is as stationary as it gets.
        if (!(standardError > 0)) return coefficients[0] < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        return coefficients[0] / standardError;
    }
}
