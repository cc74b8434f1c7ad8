using ActorTrader.Quant.Forecasting.Fitting;

namespace ActorTrader.Quant.Forecasting.Garch;

/// <summary>
/// GARCH(1,1) or GJR-GARCH(1,1,1) volatility on the log returns of a price series, fitted by Gaussian maximum likelihood
/// (Nelder–Mead on μ, ω, α, β[, γ] over returns scaled to unit variance, so the simplex sees well-scaled numbers).
/// Constraints: ω &gt; 0, α, β ≥ 0, α + γ ≥ 0, persistence &lt; 1. The recursion starts from the sample variance.
/// Its forecast is a volatility forecast: the expected return is μ per step.
/// </summary>
public sealed class GarchModel(bool asymmetric = false) : IForecastModel
{
    public const string GarchName = "garch";
    public const string GjrName = "gjr-garch";

    public bool Asymmetric { get; } = asymmetric;

    public string Name => Asymmetric ? GjrName : GarchName;

    public string Version => "1";

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default) =>
        FitReturns(Returns(logPrices), cancellationToken);

    /// <summary>Fits log returns directly.</summary>
    public FittedGarch FitReturns(double[] returns, CancellationToken cancellationToken = default)
    {
        if (returns.Length < 100)
            throw new ModelFitException($"{Name}: {returns.Length} returns are too few for a maximum-likelihood fit; use at least 100 (about 5 months of daily bars).");
        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / returns.Length;
        if (!(variance > 0)) throw new ModelFitException($"{Name}: the returns are constant, so there is no volatility to model.");
        var scale = 1 / Math.Sqrt(variance);
        var scaled = returns.Select(r => r * scale).ToArray();
        var variances = new double[scaled.Length];

        double NegativeLogLikelihood(double[] x)
        {
            var p = Unpack(x);
            if (!(p.Omega > 0) || p.Alpha < 0 || p.Beta < 0 || p.Alpha + p.Gamma < 0 || p.Persistence >= 0.9999) return double.PositiveInfinity;
            p.Filter(scaled, 1.0, variances);
            var sum = 0.0;
            for (var t = 0; t < scaled.Length; t++)
            {
                var shock = scaled[t] - p.Mu;
                sum += Math.Log(variances[t]) + shock * shock / variances[t];
            }
            return 0.5 * sum;
        }

        double[] start = Asymmetric ? [mean * scale, 0.05, 0.03, 0.9, 0.05] : [mean * scale, 0.05, 0.05, 0.9];
        var best = NelderMead.Minimize(NegativeLogLikelihood, start, 0.02, 1e-10, 6000, cancellationToken);
        // A restart from the optimum lets the simplex escape an early collapse (standard practice with Nelder–Mead).
        var polished = NelderMead.Minimize(NegativeLogLikelihood, best.Point, 0.01, 1e-10, 6000, cancellationToken);
        if (!polished.Converged)
            throw new ModelFitException($"{Name}: the likelihood did not converge within {polished.Evaluations} evaluations; the series may be too short or its volatility too irregular for GARCH.");
        var fitted = Unpack(polished.Point);
        var unscaled = new GarchParameters(fitted.Mu / scale, fitted.Omega / (scale * scale), fitted.Alpha, fitted.Beta, fitted.Gamma);
        var logLikelihood = -polished.Value - 0.5 * scaled.Length * Math.Log(2 * Math.PI) + scaled.Length * Math.Log(scale);
        return new FittedGarch(Name, Version, unscaled, variance, returns, logLikelihood);
    }

    private GarchParameters Unpack(double[] x) =>
        new(x[0], x[1], x[2], x[3], Asymmetric ? x[4] : 0);

    internal static double[] Returns(ReadOnlySpan<double> logPrices)
    {
        if (logPrices.Length < 2) throw new ModelFitException($"a series of {logPrices.Length} prices has no returns.");
        var returns = new double[logPrices.Length - 1];
        for (var t = 1; t < logPrices.Length; t++) returns[t - 1] = logPrices[t] - logPrices[t - 1];
        return returns;
    }
}
