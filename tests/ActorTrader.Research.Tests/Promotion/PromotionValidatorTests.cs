using ActorTrader.Research.Promotion.Statistics;
using ActorTrader.Research.Randomness;
using MathNet.Numerics.Distributions;

namespace ActorTrader.Research.Tests.Promotion;

public sealed class PromotionValidatorTests
{
    private const int Days = 500;

    private static double[] Normal(int n, double mean, double sd, ulong seed)
    {
        var random = new ResearchRandom(seed);
        return [.. Enumerable.Range(0, n).Select(_ => mean + sd * random.NextGaussian())];
    }

    private static readonly double[] Incumbent = Normal(Days, 0.0015, 0.01, seed: 1);

    // The incumbent plus 0.25% a day and a little noise of its own: clearly better on every criterion.
    private static readonly double[] Better = [.. Incumbent.Zip(Normal(Days, 0.0025, 0.003, seed: 2), (a, b) => a + b)];

    [Fact]
    public void A_clearly_better_candidate_passes_with_no_reasons()
    {
        var evidence = PromotionValidator.Validate(Better, Incumbent, trades: 60);

        Assert.True(evidence.Passed, string.Join(" ", evidence.Reasons));
        Assert.Empty(evidence.Reasons);
        Assert.True(evidence.DieboldMarianoPValue < 0.001 && evidence.PairedPValue < 0.001);
        Assert.True(evidence.DieboldMarianoStatistic < 0, "loss is −return, so a better candidate has a negative statistic");
        Assert.True(evidence.OutOfSampleSharpe > evidence.IncumbentSharpe);
        Assert.Equal((60, Days), (evidence.Trades, evidence.Observations));
    }

    [Fact]
    public void At_horizon_one_the_diebold_mariano_statistic_is_minus_the_paired_t_statistic()
    {
        var candidate = Incumbent.Zip(Normal(Days, 0.0001, 0.004, seed: 3), (a, b) => a + b).ToArray();

        var evidence = PromotionValidator.Validate(candidate, Incumbent, 60, new PromotionSettings { Horizon = 1 });

        Assert.Equal(-evidence.PairedTStatistic!.Value, evidence.DieboldMarianoStatistic!.Value, 10);
        Assert.Equal(evidence.PairedPValue!.Value, evidence.DieboldMarianoPValue!.Value, 10);
    }

    [Fact]
    public void The_diebold_mariano_test_matches_the_hac_formula_with_the_harvey_correction_written_out()
    {
        const int h = 3;
        var candidate = Incumbent.Zip(Normal(Days, 0.0003, 0.004, seed: 4), (a, b) => a + b).ToArray();
        var d = Incumbent.Zip(candidate, (i, c) => i - c).ToArray();
        double n = d.Length, mean = d.Average();
        double Gamma(int k) => Enumerable.Range(k, d.Length - k).Sum(t => (d[t] - mean) * (d[t - k] - mean)) / n;
        var dm = mean / Math.Sqrt((Gamma(0) + 2 * (Gamma(1) + Gamma(2))) / n);
        var expected = dm * Math.Sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n);

        var evidence = PromotionValidator.Validate(candidate, Incumbent, 60, new PromotionSettings { Horizon = h });

        Assert.Equal(expected, evidence.DieboldMarianoStatistic!.Value, 10);
        Assert.Equal(StudentT.CDF(0, 1, n - 1, expected), evidence.DieboldMarianoPValue!.Value, 10);
    }

    [Fact]
    public void A_candidate_no_better_than_the_incumbent_fails_both_comparisons()
    {
        // Alternating ±0.3%: the mean difference is zero, so neither test can find the candidate better.
        var candidate = Incumbent.Select((r, t) => r + (t % 2 == 0 ? 0.003 : -0.003)).ToArray();

        var evidence = PromotionValidator.Validate(candidate, Incumbent, 60);

        Assert.False(evidence.Passed);
        Assert.InRange(evidence.PairedPValue!.Value, 0.45, 0.55);
        Assert.Contains(evidence.Reasons, r => r.StartsWith("Diebold–Mariano (horizon 5) does not show the candidate better", StringComparison.Ordinal));
        Assert.Contains(evidence.Reasons, r => r.StartsWith("the paired t-test does not show the candidate better", StringComparison.Ordinal));
    }

    [Fact]
    public void A_candidate_identical_to_the_incumbent_fails_with_undefined_tests_instead_of_throwing()
    {
        var evidence = PromotionValidator.Validate(Incumbent, Incumbent, 60);

        Assert.False(evidence.Passed);
        Assert.Null(evidence.DieboldMarianoStatistic);
        Assert.Null(evidence.PairedPValue);
        Assert.Equal(2, evidence.Reasons.Count(r => r.Contains("against the incumbent is undefined", StringComparison.Ordinal)));
    }

    [Fact]
    public void Too_few_trades_fail_with_the_count_in_the_reason()
    {
        var evidence = PromotionValidator.Validate(Better, Incumbent, trades: 7);

        Assert.False(evidence.Passed);
        Assert.Equal(["7 trade(s) out of sample, fewer than the minimum 20."], evidence.Reasons);
    }

    [Fact]
    public void Without_an_incumbent_only_the_candidates_own_criteria_apply()
    {
        var evidence = PromotionValidator.Validate(Better, null, 60);

        Assert.True(evidence.Passed);
        Assert.Null(evidence.IncumbentSharpe);
        Assert.Null(evidence.DieboldMarianoPValue);
        Assert.Null(evidence.PairedPValue);
    }

    [Fact]
    public void A_sharpe_that_does_not_survive_deflation_fails()
    {
        // About 1.1 annualised over two years: fine alone, not the best of a million trials by luck.
        var modest = Normal(Days, 0.0007, 0.01, seed: 5);

        var alone = PromotionValidator.Validate(modest, null, 60, new PromotionSettings { Trials = 1, MinimumDeflatedSharpe = 0.9 });
        var deflated = PromotionValidator.Validate(modest, null, 60, new PromotionSettings { Trials = 1_000_000, MinimumDeflatedSharpe = 0.9 });

        Assert.True(alone.Passed, string.Join(" ", alone.Reasons));
        Assert.False(deflated.Passed);
        Assert.Contains(deflated.Reasons, r => r.StartsWith("deflated Sharpe", StringComparison.Ordinal) && r.Contains("1000000 trial(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_finite_candidate_return_fails_with_its_position()
    {
        var broken = (double[])Better.Clone();
        broken[17] = double.NaN;

        var evidence = PromotionValidator.Validate(broken, Incumbent, 60);

        Assert.False(evidence.Passed);
        Assert.Equal(["candidate return 17 (NaN) is not finite; the out-of-sample run is broken."], evidence.Reasons);
    }

    [Fact]
    public void Series_of_different_lengths_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => PromotionValidator.Validate(Better, Incumbent[1..], 60));

        Assert.Contains("same out-of-sample bars", e.Message, StringComparison.Ordinal);
    }
}
