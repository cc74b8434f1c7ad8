using System.Text.Json;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.Weights;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Tests.Results;

public sealed class BacktestStatisticsTests
{
    private static BacktestResult Run(double[] closes, double weight = 1.0, double costBps = 0)
    {
        var panel = TestPanels.FromCloses(closes);
        return VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), WeightsSchedule.Constant(panel.Symbols, panel.Times, [weight]),
            new VectorisedOptions { InitialCash = 1_000m, CostBps = costBps });
    }

    [Fact]
    public void Json_line_has_exactly_the_cli_fields_in_order()
    {
        var stats = BacktestStatistics.From("20240101-000000-abcd", Run([100, 110, 99, 120, 125]));

        var json = BacktestStatisticsJson.Write(stats);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["run_id", "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "trades", "turnover", "final_equity"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("20240101-000000-abcd", document.RootElement.GetProperty("run_id").GetString());
        Assert.Equal(1_250m, document.RootElement.GetProperty("final_equity").GetDecimal());
    }

    [Fact]
    public void Figures_come_from_the_quant_metrics_of_the_bar_returns()
    {
        var result = Run([100, 110, 99, 120, 125]);

        var stats = BacktestStatistics.From("r", result);

        var returns = result.Returns.ToArray();
        Assert.Equal(0.25, stats.TotalReturn, 12);
        Assert.Equal(RiskAdjustedRatios.Sharpe(returns), stats.Sharpe);
        Assert.Equal(RiskAdjustedRatios.Sortino(returns), stats.Sortino);
        Assert.Equal(0.1, stats.MaxDrawdown, 12); // 110 → 99
        Assert.Equal(ReturnMoments.AnnualisedReturn(returns), stats.Cagr);
    }

    [Fact]
    public void Turnover_is_two_sided_per_year()
    {
        var stats = BacktestStatistics.From("r", Run([100, 100, 100, 100, 100]));

        Assert.Equal(1.0 * 252 / 5, stats.Turnover, 12); // one full buy in five bars
    }

    [Fact]
    public void Undefined_ratios_print_as_null()
    {
        var stats = BacktestStatistics.From("r", Run([100, 100, 100, 100, 100], weight: 0));

        var json = BacktestStatisticsJson.Write(stats);

        Assert.Contains("\"sharpe\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"trades\": 0", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_short_a_run_is_refused_with_the_fix()
    {
        var e = Assert.Throws<ArgumentException>(() => BacktestStatistics.From("r", Run([100, 101, 102])));

        Assert.Contains("at least 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_starts_from_the_equity_before_it()
    {
        var result = Run([100, 110, 99, 120, 125]);

        var slice = result.Slice(2, 3);

        Assert.Equal(1_100m, slice.InitialCash);
        Assert.Equal(1_250m, slice.FinalEquity);
        Assert.Equal(result.Returns.Skip(2), slice.Returns);
    }
}
