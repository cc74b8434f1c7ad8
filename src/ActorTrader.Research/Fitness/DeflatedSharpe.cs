using ActorTrader.Quant.Statistics;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// The deflated Sharpe ratio (Bailey &amp; López de Prado, 2014) of a research result, on Quant's
/// <see cref="SharpeRatioInference"/>: the probability that the true per-period Sharpe exceeds the Sharpe the best of
/// <c>trials</c> worthless strategies would show by luck, given the returns' length, skewness and kurtosis. Research seldom
/// knows the spread of every trial's Sharpe, so by default the trials' Sharpe variance is that of a Sharpe estimate under
/// the null, 1/(n − 1) for n returns.
/// </summary>
public static class DeflatedSharpe
{
    /// <summary>Variance of a per-period Sharpe estimated from <paramref name="observations"/> returns when the true Sharpe is 0.</summary>
    public static double NullTrialVariance(int observations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations, 2);
        return 1.0 / (observations - 1);
    }

    /// <summary>
    /// DSR of <paramref name="returns"/> (per-period, risk-free 0) among <paramref name="trials"/> trials; with one trial it is
    /// the probabilistic Sharpe against 0. Needs four returns that vary (Quant's checks name the problem otherwise).
    /// </summary>
    public static double Compute(IReadOnlyList<double> returns, int trials, double? trialSharpeVariance = null)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var values = returns as double[] ?? [.. returns];
        if (trials == 1) return SharpeRatioInference.Probabilistic(values, 0);
        return SharpeRatioInference.Deflated(values, trials, trialSharpeVariance ?? NullTrialVariance(values.Length));
    }
}
