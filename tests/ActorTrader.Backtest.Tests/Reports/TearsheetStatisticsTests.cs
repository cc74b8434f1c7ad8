using ActorTrader.Backtest.Reports;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Tests.Reports;

public class TearsheetStatisticsTests
{
    [Fact]
    public void Known_series_has_the_total_return_and_max_drawdown_worked_out_by_hand()
    {
        var stats = TearsheetStatistics.Compute(ReportTestData.Known());

        // 1.1 × 0.8 × 1.25 × 1.1 × 0.95 = 1.1495; the deepest fall is 1.1 → 0.88.
        Assert.Equal(0.1495, stats.Get("total_return").Value, 12);
        Assert.Equal(0.20, stats.Get("max_drawdown").Value, 12);
        Assert.Equal(1.1495, stats.Get("final_equity").Value, 12);
    }

    [Fact]
    public void Sharpe_matches_a_sample_standard_deviation_computed_by_hand()
    {
        var data = ReportTestData.Known() with { PeriodsPerYear = 12 };

        var stats = TearsheetStatistics.Compute(data);

        // mean 0.04; squared deviations sum to 0.117, sample variance 0.02925.
        var expected = 0.04 / Math.Sqrt(0.117 / 4) * Math.Sqrt(12);
        Assert.Equal(expected, stats.Get("sharpe").Value, 12);
    }

    [Fact]
    public void Cagr_compounds_over_the_periods_per_year()
    {
        var data = ReportTestData.Known() with { PeriodsPerYear = 12 };

        var stats = TearsheetStatistics.Compute(data);

        Assert.Equal(Math.Pow(1.1495, 12.0 / 5) - 1, stats.Get("cagr").Value, 12);
    }

    [Fact]
    public void Every_summary_figure_is_the_one_quant_computes()
    {
        var data = ReportTestData.Rich();
        var options = new TearsheetOptions { RiskFreePerYear = 0.02, Confidence = 0.99 };
        var quant = PerformanceSummary.Compute(data.Returns.ToArray(), 252, 0.02, 0.99);

        var stats = TearsheetStatistics.Compute(data, options);

        Assert.Equal(quant.TotalReturn, stats.Get("total_return").Value);
        Assert.Equal(quant.AnnualisedReturn, stats.Get("cagr").Value);
        Assert.Equal(quant.AnnualisedVolatility, stats.Get("annualised_volatility").Value);
        Assert.Equal(quant.Sharpe, stats.Get("sharpe").Value);
        Assert.Equal(quant.Sortino, stats.Get("sortino").Value);
        Assert.Equal(quant.Calmar, stats.Get("calmar").Value);
        Assert.Equal(quant.MaxDrawdown.Depth, stats.Get("max_drawdown").Value);
        Assert.Equal(quant.HistoricalVaR, stats.Get("historical_var").Value);
        Assert.Equal(quant.HistoricalCVaR, stats.Get("historical_cvar").Value);
        Assert.Equal(quant.Skewness, stats.Get("skewness").Value);
    }

    [Fact]
    public void Benchmark_rows_use_quants_beta_and_benchmark_summary()
    {
        var data = ReportTestData.Rich();
        var returns = data.Returns.ToArray();
        var bench = data.BenchmarkReturns!.ToArray();

        var stats = TearsheetStatistics.Compute(data);

        Assert.Equal(BenchmarkExposure.Beta(returns, bench), stats.Get("beta").Value);
        Assert.Equal(PerformanceSummary.Compute(bench).Sharpe, stats.Get("benchmark_sharpe").Value);
        // The synthetic portfolio loads half a unit on the benchmark plus independent noise.
        Assert.InRange(stats.Get("beta").Value, 0.3, 0.7);
    }

    [Fact]
    public void Optional_rows_appear_only_when_their_input_exists()
    {
        var plain = TearsheetStatistics.Compute(ReportTestData.Known());
        var rich = TearsheetStatistics.Compute(ReportTestData.Rich());

        Assert.Null(plain.Find("beta"));
        Assert.Null(plain.Find("trades"));
        Assert.Equal(42, rich.Get("trades").Value);
        Assert.Equal(3.5, rich.Get("turnover").Value);
    }

    [Fact]
    public void Rebalance_turnover_is_the_mean_two_sided_change_between_weight_rows()
    {
        var weights = new WeightsHistory(ReportTestData.Days(3), ["A", "B"], [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]);
        var data = ReportTestData.Known() with { Weights = weights };

        var stats = TearsheetStatistics.Compute(data);

        // |−1| + |1| = 2, then 0.5 + 0.5 = 1: mean 1.5.
        Assert.Equal(1.5, stats.Get("average_rebalance_turnover").Value, 12);
    }

    [Fact]
    public void Best_and_worst_month_come_from_compounded_calendar_months()
    {
        DateTimeOffset[] dates = [new(2024, 1, 10, 0, 0, 0, TimeSpan.Zero), new(2024, 1, 20, 0, 0, 0, TimeSpan.Zero), new(2024, 2, 10, 0, 0, 0, TimeSpan.Zero), new(2024, 3, 10, 0, 0, 0, TimeSpan.Zero)];
        var data = ReportTestData.Known() with { Dates = dates, Returns = [0.10, 0.10, -0.03, 0.05] };

        var stats = TearsheetStatistics.Compute(data);

        Assert.Equal(0.21, stats.Get("best_month").Value, 12);
        Assert.Equal(-0.03, stats.Get("worst_month").Value, 12);
        Assert.Equal(2.0 / 3, stats.Get("positive_months").Value, 12);
    }

    [Fact]
    public void Unknown_statistic_key_lists_the_known_keys()
    {
        var stats = TearsheetStatistics.Compute(ReportTestData.Known());

        var error = Assert.Throws<KeyNotFoundException>(() => stats.Get("sharp"));

        Assert.Contains("known keys: total_return, cagr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_drawdown_dates_are_the_peak_trough_and_recovery_of_the_episode()
    {
        var stats = TearsheetStatistics.Compute(ReportTestData.Known());

        Assert.Equal(ReportTestData.Start, stats.MaxDrawdownPeak);
        Assert.Equal(ReportTestData.Start.AddDays(1), stats.MaxDrawdownTrough);
        Assert.Equal(ReportTestData.Start.AddDays(2), stats.MaxDrawdownRecovery);
    }
}
