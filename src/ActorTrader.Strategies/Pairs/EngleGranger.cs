namespace ActorTrader.Strategies.Pairs;

/// <summary>
/// Engle-Granger two-step cointegration test (Engle and Granger 1987): OLS of y on a constant and x, then an augmented
/// Dickey-Fuller regression on the residuals, Δe_t = γ·e_{t−1} + Σ_{i=1..p} φ_i·Δe_{t−i} + u_t (no constant: the residuals
/// have mean zero by construction), whose t-statistic of γ is compared with MacKinnon's response-surface critical value.
/// <para>
/// Critical values: MacKinnon (2010), "Critical Values for Cointegration Tests", Queen's Economics Department Working Paper
/// 1227, Table 2, N = 2 variables with a constant: τ(T) = τ∞ + τ₁/T + τ₂/T² with
/// 1%: −3.89644, −10.9519, −22.527; 5%: −3.33613, −6.1101, −6.823; 10%: −3.04445, −4.2412, −2.720
/// (as Stata's <c>egranger</c> transcribes the table; statsmodels' <c>coint</c> carries −33.527 for the 1% τ₂ term and uses T − 1,
/// both differences below 0.001 at T ≥ 120). T is the number of observations in the cointegrating regression.
/// At T = 252 the 5% value is about −3.360. Ordinary Dickey-Fuller tables (−2.86 at 5%) would be wrong here: estimated
/// residuals look more stationary than the true errors.
/// </para>
/// </summary>
public static class EngleGranger
{
    private static readonly double[][] MacKinnon2010 =
    [
        [-3.89644, -10.9519, -22.527],
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
    /// <remarks>
    /// Solved from the normal equations accumulated row by row (Cholesky of the (1 + lags)² cross-product), without building
    /// the design matrix: pairs runs this for every pair at every bar, so it must not allocate per row.
    /// </remarks>
    internal static double AdfStatistic(double[] e, int lags)
    {
        var n = e.Length;
        var rows = n - 1 - lags;
        var k = 1 + lags;
        var degreesOfFreedom = rows - k;
        if (degreesOfFreedom <= 0) return double.PositiveInfinity;
        var difference = new double[n];
        for (var t = 1; t < n; t++) difference[t] = e[t] - e[t - 1];

        // Row t (t = lags + 1 … n − 1) explains Δe_t by e_{t−1} and Δe_{t−1} … Δe_{t−lags}.
        var xtx = new double[k, k];
        var xty = new double[k];
        var row = new double[k];
        for (var t = lags + 1; t < n; t++)
        {
            Regressors(e, difference, t, row);
            for (var a = 0; a < k; a++)
            {
                xty[a] += row[a] * difference[t];
                for (var b = 0; b <= a; b++) xtx[a, b] += row[a] * row[b];
            }
        }
        if (!CholeskyInPlace(xtx, k)) return double.PositiveInfinity;

        var coefficients = SolveCholesky(xtx, k, xty);
        // (XᵀX)⁻¹[0, 0] = ‖L⁻¹e₀‖² with XᵀX = LLᵀ.
        var unit = new double[k];
        unit[0] = 1;
        ForwardSubstitute(xtx, k, unit);
        double inverse00 = 0;
        foreach (var w in unit) inverse00 += w * w;

        double ssr = 0;
        for (var t = lags + 1; t < n; t++)
        {
            Regressors(e, difference, t, row);
            var fitted = 0.0;
            for (var a = 0; a < k; a++) fitted += row[a] * coefficients[a];
            var u = difference[t] - fitted;
            ssr += u * u;
        }
        var standardError = Math.Sqrt(ssr / degreesOfFreedom * inverse00);
        // A perfect fit (zero residual variance) with γ < 0 is as stationary as it gets.
        if (!(standardError > 0)) return coefficients[0] < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        return coefficients[0] / standardError;
    }

    private static void Regressors(double[] e, double[] difference, int t, double[] row)
    {
        row[0] = e[t - 1];
        for (var c = 1; c < row.Length; c++) row[c] = difference[t - c];
    }

    // Lower-triangular L with A = LLᵀ, written over A's lower triangle; false when A is not positive definite (collinear regressors).
    private static bool CholeskyInPlace(double[,] a, int k)
    {
        for (var j = 0; j < k; j++)
        {
            var pivot = a[j, j];
            for (var m = 0; m < j; m++) pivot -= a[j, m] * a[j, m];
            if (!(pivot > 0) || !double.IsFinite(pivot)) return false;
            var l = Math.Sqrt(pivot);
            a[j, j] = l;
            for (var i = j + 1; i < k; i++)
            {
                var sum = a[i, j];
                for (var m = 0; m < j; m++) sum -= a[i, m] * a[j, m];
                a[i, j] = sum / l;
            }
        }
        return true;
    }

    private static void ForwardSubstitute(double[,] l, int k, double[] b)
    {
        for (var i = 0; i < k; i++)
        {
            var sum = b[i];
            for (var m = 0; m < i; m++) sum -= l[i, m] * b[m];
            b[i] = sum / l[i, i];
        }
    }

    private static double[] SolveCholesky(double[,] l, int k, double[] b)
    {
        var x = (double[])b.Clone();
        ForwardSubstitute(l, k, x);
        for (var i = k - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var m = i + 1; m < k; m++) sum -= l[m, i] * x[m];
            x[i] = sum / l[i, i];
        }
        return x;
    }
}
