namespace ActorTrader.Quant.Forecasting.Ssa;

/// <summary>
/// SSA recurrent forecasting of log prices (window L, rank r), with a change-point check on the latest bars: when the last
/// <see cref="ChangePointTest"/> lagged vectors sit far outside the subspace of the <see cref="ChangePointBase"/> before
/// them (score above <see cref="ChangePointThreshold"/>), the forecast carries the flag <c>change-point</c>.
/// </summary>
public sealed class SsaModel(int window = 40, int rank = 3, int changePointBase = 120, int changePointTest = 20, double changePointThreshold = 4) : IForecastModel
{
    public const string ModelName = "ssa";

    public int Window { get; } = window;
    public int Rank { get; } = rank;
    public int ChangePointBase { get; } = changePointBase;
    public int ChangePointTest { get; } = changePointTest;
    public double ChangePointThreshold { get; } = changePointThreshold;

    public string Name => ModelName;

    public string Version => "2";

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default)
    {
        if (logPrices.Length < 2 * Window)
            throw new ModelFitException($"{Name}: {logPrices.Length} observations are too few for window {Window}; use at least {2 * Window}.");
        cancellationToken.ThrowIfCancellationRequested();
        var history = logPrices.ToArray();
        var ssa = MultivariateSsa.Fit([history], Window, Rank);
        if (ssa.Subspace.Recurrence.Count == 0)
            throw new ModelFitException($"{Name}: the leading {Rank} eigenvectors give no linear recurrence (verticality ν² = 1); use a smaller rank.");
        var reconstructed = ssa.Reconstruct(history);
        var residuals = new double[history.Length];
        for (var t = 0; t < residuals.Length; t++) residuals[t] = history[t] - reconstructed[t];
        return new FittedSsa(this, ssa, residuals, ReturnVolatility(history));
    }

    /// <summary>The change-point score at the end of the history, or null when it is too short for the base and test windows.</summary>
    public double? ChangePointScore(ReadOnlySpan<double> logPrices)
    {
        if (logPrices.Length < ChangePointBase + ChangePointTest + Window - 1) return null;
        return SsaChangePoint.Score(logPrices, Window, Rank, ChangePointBase, ChangePointTest);
    }

    internal static double ReturnVolatility(ReadOnlySpan<double> logPrices)
    {
        var n = logPrices.Length - 1;
        if (n < 2) return 0;
        var mean = (logPrices[^1] - logPrices[0]) / n;
        var s = 0.0;
        for (var t = 1; t <= n; t++)
        {
            var r = logPrices[t] - logPrices[t - 1] - mean;
            s += r * r;
        }
        return Math.Sqrt(s / (n - 1));
    }
}
