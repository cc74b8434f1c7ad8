using ActorTrader.Research.Portfolio;

namespace ActorTrader.Research.Tests.Portfolio;

public sealed class CorrelationPenaltyTests
{
    // Deviations (−2, −1, 0, 1, 2) and (−1, −2, 1, 0, 2): Σdxdy = 8, Σdx² = Σdy² = 10, so r = 0.8 exactly.
    private static readonly double[] X = [0.01, 0.02, 0.03, 0.04, 0.05];
    private static readonly double[] Y = [0.02, 0.01, 0.04, 0.03, 0.05];

    [Fact]
    public void Nothing_promoted_means_no_penalty()
    {
        Assert.Equal(0, CorrelationPenalty.Compute(X, [], 0.5));
    }

    [Fact]
    public void The_penalty_is_the_weight_times_the_correlation()
    {
        Assert.Equal(0.5 * 0.8, CorrelationPenalty.Compute(X, [Y], 0.5), 12);
    }

    [Fact]
    public void The_most_correlated_promoted_strategy_sets_the_penalty()
    {
        double[] unrelated = [0.03, 0.01, 0.05, 0.01, 0.03]; // deviations (0.4, −1.6, 2.4, −1.6, 0.4)·0.01: Σdx·dy = 0

        Assert.Equal(0, CorrelationPenalty.Correlation(X, unrelated), 12);
        Assert.Equal(2 * 1.0, CorrelationPenalty.Compute(X, [unrelated, X.Select(v => 3 * v).ToArray(), Y], 2), 12);
    }

    [Fact]
    public void A_negatively_correlated_promoted_strategy_is_not_penalised()
    {
        Assert.Equal(0, CorrelationPenalty.Compute(X, [X.Select(v => -v).ToArray()], 1));
    }

    [Fact]
    public void Series_of_different_lengths_are_aligned_on_their_most_recent_bars()
    {
        double[] longer = [0.5, -0.7, 0.9, .. Y];

        Assert.Equal(0.8, CorrelationPenalty.Correlation(X, longer), 12);
        Assert.Equal(0.8, CorrelationPenalty.Correlation(longer, X), 12);
    }

    [Fact]
    public void Dated_series_are_aligned_on_the_bars_both_cover_wherever_those_are()
    {
        var day = new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] Days(params int[] offsets) => [.. offsets.Select(o => day.AddDays(o))];
        // The promoted series starts earlier, has a gap, and ends earlier: the common bars are days 2, 3 and 4 (X = 0.03, 0.04, 0.05).
        var candidate = new DatedReturns(X, Days(0, 1, 2, 3, 4));
        var promoted = new DatedReturns([0.9, -0.9, 0.06, 0.08, 0.10], Days(-3, -1, 2, 3, 4));

        Assert.Equal(1.0, CorrelationPenalty.Correlation(candidate, promoted), 12);
        Assert.Equal(0.5, CorrelationPenalty.Compute(candidate, [promoted], 0.5), 12);
    }

    [Fact]
    public void Dated_series_without_three_common_bars_add_nothing()
    {
        var day = new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var candidate = new DatedReturns(X, [.. Enumerable.Range(0, 5).Select(i => day.AddDays(i))]);
        var later = new DatedReturns(X, [.. Enumerable.Range(3, 5).Select(i => day.AddDays(i))]);

        Assert.Equal(0, CorrelationPenalty.Compute(candidate, [later], 1));
    }

    [Fact]
    public void Returns_with_a_different_number_of_bar_times_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatedReturns(X, [DateTimeOffset.UnixEpoch]));

        Assert.Contains("5 returns but 1 bar times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_correlation_adds_nothing()
    {
        double[] flat = [0, 0, 0, 0, 0];

        Assert.Equal(0, CorrelationPenalty.Compute(X, [flat, [0.01, 0.02]], 1));
        Assert.Equal(0, CorrelationPenalty.Compute([], [X], 1));
    }

    [Fact]
    public void A_negative_weight_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationPenalty.Compute(X, [Y], -0.1));
    }
}
