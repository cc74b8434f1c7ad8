using ActorTrader.Quant.Statistics;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Randomness;
using MathNet.Numerics.Distributions;

namespace ActorTrader.Research.Tests.Fitness;

public sealed class DeflatedSharpeTests
{
    private static double[] Returns(int n, double mean, ulong seed)
    {
        var random = new ResearchRandom(seed);
        // Skewed returns: a normal part plus occasional losses, so the skew and kurtosis terms matter.
        return [.. Enumerable.Range(0, n).Select(_ => mean + 0.01 * random.NextGaussian() - (random.NextDouble() < 0.05 ? 0.03 : 0))];
    }

    // Bailey & López de Prado (2014), equations written out independently of Quant: population moments, non-excess kurtosis.
    private static double Reference(double[] r, int trials, double variance)
    {
        double n = r.Length, mean = r.Average();
        double m2 = r.Sum(x => Math.Pow(x - mean, 2)) / n, m3 = r.Sum(x => Math.Pow(x - mean, 3)) / n, m4 = r.Sum(x => Math.Pow(x - mean, 4)) / n;
        var sr = mean / Math.Sqrt(r.Sum(x => Math.Pow(x - mean, 2)) / (n - 1));
        double skew = m3 / Math.Pow(m2, 1.5), kurtosis = m4 / (m2 * m2);
        const double gamma = 0.5772156649015329;
        var expectedMax = Math.Sqrt(variance) * ((1 - gamma) * Normal.InvCDF(0, 1, 1 - 1.0 / trials) + gamma * Normal.InvCDF(0, 1, 1 - 1.0 / (trials * Math.E)));
        return Normal.CDF(0, 1, (sr - expectedMax) * Math.Sqrt(n - 1) / Math.Sqrt(1 - skew * sr + (kurtosis - 1) / 4 * sr * sr));
    }

    [Fact]
    public void The_deflated_sharpe_matches_the_papers_formula_written_out()
    {
        var r = Returns(750, 0.002, seed: 1);

        Assert.Equal(Reference(r, 200, 0.0004), DeflatedSharpe.Compute(r, 200, 0.0004), 12);
    }

    [Fact]
    public void The_deflation_reproduces_the_papers_numerical_example()
    {
        // Bailey & López de Prado (2014), section 6: annual SR 2.5 over 5 years of daily returns (T = 1250, 250 a year),
        // N = 100 trials with annual Sharpe variance 1/2, skew −3, kurtosis 10: expected maximum SR 0.1132 a day, DSR 0.9004.
        const double periods = 250;

        Assert.Equal(0.1132, SharpeRatioInference.ExpectedMaximumSharpe(100, 0.5 / periods), 4);
        Assert.Equal(0.9004, SharpeRatioInference.Deflated(2.5 / Math.Sqrt(periods), 1250, 100, 0.5 / periods, -3, 10), 3);
    }

    [Fact]
    public void Without_a_trial_variance_the_null_variance_one_over_n_minus_one_is_used()
    {
        var r = Returns(500, 0.0015, seed: 2);

        Assert.Equal(1.0 / 499, DeflatedSharpe.NullTrialVariance(500), 15);
        Assert.Equal(Reference(r, 100, 1.0 / 499), DeflatedSharpe.Compute(r, 100), 12);
    }

    [Fact]
    public void One_trial_gives_the_probabilistic_sharpe_against_zero()
    {
        var r = Returns(300, 0.001, seed: 3);
        double n = r.Length, mean = r.Average();
        double m2 = r.Sum(x => Math.Pow(x - mean, 2)) / n, m3 = r.Sum(x => Math.Pow(x - mean, 3)) / n, m4 = r.Sum(x => Math.Pow(x - mean, 4)) / n;
        var sr = mean / Math.Sqrt(m2 * n / (n - 1));
        var expected = Normal.CDF(0, 1, sr * Math.Sqrt(n - 1) / Math.Sqrt(1 - m3 / Math.Pow(m2, 1.5) * sr + (m4 / (m2 * m2) - 1) / 4 * sr * sr));

        Assert.Equal(expected, DeflatedSharpe.Compute(r, 1), 12);
    }

    [Fact]
    public void More_trials_deflate_the_same_returns_further()
    {
        var r = Returns(500, 0.0015, seed: 4);

        Assert.True(DeflatedSharpe.Compute(r, 10) > DeflatedSharpe.Compute(r, 1000));
    }
}
