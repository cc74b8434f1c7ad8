using ActorTrader.Backtest.Results;

namespace ActorTrader.Backtest.Tests.Regression;

/// <summary>
/// LEAN-style regression backtests: every named run must reproduce its full statistics — trades and final equity
/// exactly, the ratios to 10 significant digits — on every run and machine.
/// </summary>
public sealed class RegressionBacktestTests
{
    public static TheoryData<string> Names => [.. RegressionCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Backtest_reproduces_its_expected_statistics(string name)
    {
        var regression = RegressionCases.All.Single(c => c.Name == name);

        var result = await regression.Run();

        var stats = BacktestStatistics.From(name, result);
        var expected = regression.Expected;
        Assert.Equal(expected.Trades, stats.Trades);
        Assert.Equal(expected.FinalEquity, result.FinalEquity);
        Assert.Equal(Math.Round(expected.FinalEquity, 2), stats.FinalEquity);
        Significant(expected.TotalReturn, stats.TotalReturn, "total return");
        Significant(expected.Cagr, stats.Cagr, "CAGR");
        Significant(expected.Sharpe, stats.Sharpe, "Sharpe");
        Significant(expected.Sortino, stats.Sortino, "Sortino");
        Significant(expected.MaxDrawdown, stats.MaxDrawdown, "max drawdown");
        Significant(expected.Turnover, stats.Turnover, "turnover");
    }

    [Fact]
    public void Every_regression_has_a_unique_name()
    {
        Assert.Equal(RegressionCases.All.Length, RegressionCases.All.Select(c => c.Name).Distinct().Count());
    }

    // Equal when both round to the same 10 significant digits (the pins are written rounded to 10).
    private static void Significant(double expected, double actual, string what)
    {
        var unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(expected))) - 9);
        Assert.True(Math.Abs(actual - expected) <= unit / 2 * (1 + 1e-6),
            $"{what}: expected {expected:R} to 10 significant digits, got {actual:R}.");
    }
}
