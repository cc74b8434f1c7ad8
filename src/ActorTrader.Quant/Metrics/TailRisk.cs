using MathNet.Numerics.Distributions;

namespace ActorTrader.Quant.Metrics;

/// <summary>
/// Value at Risk and Conditional VaR (expected shortfall) of periodic returns, reported as positive losses
/// (VaR 0.02 = lose 2% or more with probability 1 − confidence). NaN = missing, dropped.
/// Historical quantiles use linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default).
/// This is the reporting convention for one return series; the CVaR that min-cvar minimises over a scenario matrix is
/// <see cref="Portfolio.RiskMeasures.ScenarioRisk"/> (Rockafellar–Uryasev, exact for fractional αT).
/// </summary>
public static class TailRisk
{
    /// <summary>Historical VaR: −Q(1 − confidence) of the observed returns.</summary>
    public static double HistoricalVaR(ReadOnlySpan<double> returns, double confidence = 0.95)
    {
        SeriesGuard.Confidence(confidence);
        var sorted = SeriesGuard.Sorted(SeriesGuard.Present(returns, nameof(returns)));
        return -SeriesGuard.QuantileSorted(sorted, 1 - confidence);
    }

    /// <summary>Historical CVaR: −mean of the returns at or below the VaR quantile; always ≥ <see cref="HistoricalVaR"/>.</summary>
    public static double HistoricalCVaR(ReadOnlySpan<double> returns, double confidence = 0.95)
    {
        SeriesGuard.Confidence(confidence);
        var sorted = SeriesGuard.Sorted(SeriesGuard.Present(returns, nameof(returns)));
        var q = SeriesGuard.QuantileSorted(sorted, 1 - confidence);
        double sum = 0;
        var count = 0;
        foreach (var v in sorted)
        {
            if (v > q) break;
            sum += v;
            count++;
        }
        return -sum / count;
    }

    /// <summary>Gaussian (parametric) VaR: σ·z_c − μ with sample mean μ and sample standard deviation σ, z_c = Φ⁻¹(confidence).</summary>
    public static double GaussianVaR(ReadOnlySpan<double> returns, double confidence = 0.95)
    {
        SeriesGuard.Confidence(confidence);
        var r = SeriesGuard.PresentAtLeast(returns, 2, nameof(returns));
        var sd = Math.Sqrt(SeriesGuard.SampleVariance(r));
        return sd * Normal.InvCDF(0, 1, confidence) - SeriesGuard.Mean(r);
    }

    /// <summary>Gaussian CVaR: σ·φ(z_c)/(1 − confidence) − μ, the mean loss beyond the Gaussian VaR.</summary>
    public static double GaussianCVaR(ReadOnlySpan<double> returns, double confidence = 0.95)
    {
        SeriesGuard.Confidence(confidence);
        var r = SeriesGuard.PresentAtLeast(returns, 2, nameof(returns));
        var sd = Math.Sqrt(SeriesGuard.SampleVariance(r));
        var z = Normal.InvCDF(0, 1, confidence);
        return sd * Normal.PDF(0, 1, z) / (1 - confidence) - SeriesGuard.Mean(r);
    }

    /// <summary>
    /// Tail ratio |Q(1 − tail)| / |Q(tail)|: size of the right tail against the left (empyrical uses tail = 0.05).
    /// Above 1 the gains in the tail outweigh the losses. NaN when the left quantile is 0.
    /// </summary>
    public static double TailRatio(ReadOnlySpan<double> returns, double tail = 0.05)
    {
        if (!(tail > 0 && tail < 0.5))
            throw new ArgumentOutOfRangeException(nameof(tail), tail, "Tail must be in (0, 0.5), e.g. 0.05.");
        var sorted = SeriesGuard.Sorted(SeriesGuard.Present(returns, nameof(returns)));
        var left = Math.Abs(SeriesGuard.QuantileSorted(sorted, tail));
        return left == 0 ? double.NaN : Math.Abs(SeriesGuard.QuantileSorted(sorted, 1 - tail)) / left;
    }
}
