using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Metrics;

public class DrawdownsTests
{
    // Equity: 1.1, 0.88, 0.968, 1.1616, 1.10352 → drawdowns 0, 0.2, 0.12, 0, 0.05.
    private static readonly double[] Path = [0.1, -0.2, 0.1, 0.2, -0.05];

    [Fact]
    public void Max_drawdown_of_an_increasing_series_is_zero()
    {
        var rng = new SeededNormal(3);
        var rising = Enumerable.Range(0, 100).Select(_ => 0.001 + 0.01 * rng.Uniform()).ToArray();
        Assert.Equal(DrawdownEpisode.None, Drawdowns.Maximum(rising));
        Assert.Equal(0, Drawdowns.LongestDurationPeriods(rising));
    }

    [Fact]
    public void Max_drawdown_reports_peak_trough_recovery_and_duration()
    {
        var dd = Drawdowns.Maximum(Path);
        Assert.Equal(0.2, dd.Depth, 12);
        Assert.Equal(0, dd.PeakIndex);
        Assert.Equal(1, dd.TroughIndex);
        Assert.Equal(3, dd.RecoveryIndex);
        Assert.Equal(3, dd.DurationPeriods);
        Assert.True(dd.IsRecovered);
    }

    [Fact]
    public void Unrecovered_drawdown_from_the_start_runs_to_the_end()
    {
        // Equity 0.9, 0.945: peak is the starting capital (−1), never regained.
        var dd = Drawdowns.Maximum([-0.1, 0.05]);
        Assert.Equal(0.1, dd.Depth, 12);
        Assert.Equal(-1, dd.PeakIndex);
        Assert.Equal(0, dd.TroughIndex);
        Assert.Null(dd.RecoveryIndex);
        Assert.Equal(2, dd.DurationPeriods);
    }

    [Fact]
    public void Exact_round_trip_counts_as_recovered()
    {
        Assert.Equal(1, Drawdowns.Maximum([-0.5, 1.0]).RecoveryIndex);
    }

    [Fact]
    public void Longest_drawdown_can_differ_from_the_deepest()
    {
        // Equity 1.1, 1.045, 1.05545, 1.26654 (5% dip, peak 0 → 3), then three −1% to ≈ 1.2289 and a new high at 7 (peak 3 → 7).
        double[] r = [0.1, -0.05, 0.01, 0.2, -0.01, -0.01, -0.01, 0.5];
        Assert.Equal(3, Drawdowns.Maximum(r).DurationPeriods);
        Assert.Equal(4, Drawdowns.LongestDurationPeriods(r));
    }

    [Fact]
    public void Missing_returns_are_flat_periods_in_the_drawdown_series()
    {
        var dd = Drawdowns.Series([0.1, double.NaN, -0.1]);
        Assert.Equal([0, 0, 0.1], dd.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Ulcer_index_is_the_root_mean_square_drawdown()
    {
        var expected = Math.Sqrt((0.04 + Math.Pow(1 - 0.968 / 1.1, 2) + Math.Pow(1 - 1.10352 / 1.1616, 2)) / 5);
        Assert.Equal(expected, Drawdowns.UlcerIndex(Path), 12);
    }

    [Fact]
    public void Conditional_drawdown_at_risk_averages_the_worst_drawdowns()
    {
        // Sorted drawdowns 0, 0, 0.05, 0.12, 0.2; median (type 7) = 0.05 → mean of 0.05, 0.12, 0.2.
        Assert.Equal((0.05 + 0.12 + 0.2) / 3, Drawdowns.ConditionalDrawdownAtRisk(Path, 0.5), 12);
    }
}
