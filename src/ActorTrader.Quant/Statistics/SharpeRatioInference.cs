using ActorTrader.Quant.Metrics;
using MathNet.Numerics.Distributions;

namespace ActorTrader.Quant.Statistics;

/// <summary>
/// Probabilistic and Deflated Sharpe ratios (Bailey &amp; López de Prado, "The Sharpe Ratio Efficient Frontier", 2012, and
/// "The Deflated Sharpe Ratio", 2014). All Sharpe ratios here are PER PERIOD (not annualised): divide an annual Sharpe by
/// √periodsPerYear first. Kurtosis is the plain (non-excess) fourth standardised moment, 3 for a normal.
/// </summary>
public static class SharpeRatioInference
{
    private const double EulerMascheroni = 0.5772156649015329;

    /// <summary>
    /// PSR = Φ((SR − SR*)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²)): the probability that the true Sharpe exceeds
    /// <paramref name="benchmarkSharpe"/> given an estimate from <paramref name="observations"/> returns.
    /// </summary>
    public static double Probabilistic(double observedSharpe, double benchmarkSharpe, int observations, double skewness = 0, double kurtosis = 3)
    {
        if (observations < 2) throw new ArgumentOutOfRangeException(nameof(observations), observations, "observations must be at least 2.");
        var variance = 1 - skewness * observedSharpe + (kurtosis - 1) / 4 * observedSharpe * observedSharpe;
        if (!(variance > 0))
            throw new ArgumentException($"1 − skew·SR + (kurtosis − 1)/4·SR² = {variance} is not positive; check that kurtosis is non-excess (3 for a normal).", nameof(kurtosis));
        return Normal.CDF(0, 1, (observedSharpe - benchmarkSharpe) * Math.Sqrt(observations - 1) / Math.Sqrt(variance));
    }

    /// <summary>
    /// PSR from a return series: per-period Sharpe mean/sd (sample sd, risk-free 0 — pass excess returns), population skewness
    /// and kurtosis. NaN = missing; needs four observed returns.
    /// </summary>
    public static double Probabilistic(ReadOnlySpan<double> returns, double benchmarkSharpe = 0)
    {
        var (sr, n, skew, kurt) = Describe(returns, nameof(returns));
        return Probabilistic(sr, benchmarkSharpe, n, skew, kurt);
    }

    /// <summary>
    /// Expected maximum Sharpe among <paramref name="trials"/> independent strategies with zero true Sharpe whose estimated
    /// Sharpes have variance <paramref name="trialSharpeVariance"/>: √V·((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(N·e))), γ = Euler–Mascheroni.
    /// </summary>
    public static double ExpectedMaximumSharpe(int trials, double trialSharpeVariance)
    {
        if (trials < 2) throw new ArgumentOutOfRangeException(nameof(trials), trials, "trials must be at least 2 (with one trial there is nothing to deflate; use Probabilistic).");
        if (!(trialSharpeVariance >= 0)) throw new ArgumentOutOfRangeException(nameof(trialSharpeVariance), trialSharpeVariance, "The variance of the trials' Sharpe ratios must be non-negative.");
        return Math.Sqrt(trialSharpeVariance) * ((1 - EulerMascheroni) * Normal.InvCDF(0, 1, 1 - 1.0 / trials)
                                                + EulerMascheroni * Normal.InvCDF(0, 1, 1 - 1.0 / (trials * Math.E)));
    }

    /// <summary>DSR = PSR with the benchmark set to <see cref="ExpectedMaximumSharpe"/> — the Sharpe corrected for selection among trials.</summary>
    public static double Deflated(double observedSharpe, int observations, int trials, double trialSharpeVariance, double skewness = 0, double kurtosis = 3) =>
        Probabilistic(observedSharpe, ExpectedMaximumSharpe(trials, trialSharpeVariance), observations, skewness, kurtosis);

    /// <summary>DSR of the selected strategy's return series (moments as in <see cref="Probabilistic(ReadOnlySpan{double}, double)"/>).</summary>
    public static double Deflated(ReadOnlySpan<double> returns, int trials, double trialSharpeVariance)
    {
        var (sr, n, skew, kurt) = Describe(returns, nameof(returns));
        return Deflated(sr, n, trials, trialSharpeVariance, skew, kurt);
    }

    private static (double Sharpe, int N, double Skew, double Kurtosis) Describe(ReadOnlySpan<double> returns, string name)
    {
        var r = SeriesGuard.PresentAtLeast(returns, 4, name);
        var sd = Math.Sqrt(SeriesGuard.SampleVariance(r));
        if (sd == 0) throw new ArgumentException($"{name} is constant; its Sharpe ratio is undefined.", name);
        return (SeriesGuard.Mean(r) / sd, r.Length, ReturnMoments.PopulationSkewness(r), ReturnMoments.PopulationKurtosis(r));
    }
}
