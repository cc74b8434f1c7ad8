namespace ActorTrader.Quant.Forecasting.Smoothing;

/// <summary>
/// Additive Holt–Winters in error-correction form (Hyndman &amp; Athanasopoulos, ETS(A,A,A)):
/// ŷ_t = ℓ_{t−1} + b_{t−1} + s_{t−m}, e_t = y_t − ŷ_t, ℓ_t = ℓ_{t−1} + b_{t−1} + α e_t, b_t = b_{t−1} + αβ e_t,
/// s_t = s_{t−m} + γ(1 − α) e_t. Period 0 is Holt's linear trend (no season).
/// </summary>
public sealed record HoltWintersParameters(double Alpha, double Beta, double Gamma, int Period)
{
    public bool Seasonal => Period > 1;

    /// <summary>Observations needed to set the initial states: two seasons, or two points without a season.</summary>
    public int InitialisationLength => Seasonal ? 2 * Period : 2;

    /// <summary>
    /// Runs the recursion over <paramref name="y"/>; one-step errors go to <paramref name="errors"/> (from the first
    /// season on). Returns the final state. Initial states: ℓ₀ the first season's mean, b₀ the change of season means
    /// over a season, s the first season's deviations (classical start as in Hyndman's <c>hw</c> heuristic).
    /// </summary>
    public HoltWintersState Run(ReadOnlySpan<double> y, Span<double> errors)
    {
        var m = Seasonal ? Period : 1;
        var season = new double[m];
        double level, trend;
        if (Seasonal)
        {
            double first = 0, second = 0;
            for (var i = 0; i < m; i++)
            {
                first += y[i];
                second += y[m + i];
            }
            first /= m;
            second /= m;
            level = first;
            trend = (second - first) / m;
            // s_{i} for the first season, taking the level to grow along the trend inside it.
            for (var i = 0; i < m; i++) season[i] = y[i] - (first + (i - (m - 1) / 2.0) * trend);
            // The state at the end of the first season.
            level = first + ((m - 1) / 2.0) * trend;
        }
        else
        {
            level = y[0];
            trend = y[1] - y[0];
        }
        var start = Seasonal ? m : 1;
        var sse = 0.0;
        for (var t = start; t < y.Length; t++)
        {
            var slot = Seasonal ? t % m : 0;
            var seasonal = Seasonal ? season[slot] : 0;
            var error = y[t] - (level + trend + seasonal);
            if (errors.Length > 0) errors[t - start] = error;
            sse += error * error;
            level = level + trend + Alpha * error;
            trend += Alpha * Beta * error;
            if (Seasonal) season[slot] = seasonal + Gamma * (1 - Alpha) * error;
        }
        return new HoltWintersState(level, trend, season, y.Length, sse, y.Length - start);
    }
}

/// <summary>The state after the last observation; <see cref="Season"/> is indexed by time modulo the period.</summary>
public sealed record HoltWintersState(double Level, double Trend, double[] Season, int Length, double SumOfSquaredErrors, int ErrorCount);
