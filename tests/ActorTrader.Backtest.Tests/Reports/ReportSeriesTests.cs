using ActorTrader.Backtest.Reports;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Tests.Reports;

public class ReportSeriesTests
{
    [Fact]
    public void Drawdown_of_a_constructed_equity_path_is_the_fall_below_the_running_peak()
    {
        // Equity 1.1, 0.88, 1.1, 1.21, 1.1495 → peaks 1.1, 1.1, 1.1, 1.21, 1.21.
        var dd = ReportSeries.Drawdown(ReportTestData.KnownReturns);

        Assert.Equal([0, 0.2, 0, 0, 1 - 1.1495 / 1.21], dd, new Tolerance(1e-12));
    }

    [Fact]
    public void Equity_compounds_from_one()
    {
        var equity = ReportSeries.Equity(ReportTestData.KnownReturns);

        Assert.Equal([1.1, 0.88, 1.1, 1.21, 1.1495], equity, new Tolerance(1e-12));
    }

    [Fact]
    public void Rolling_sharpe_is_undefined_before_the_first_full_window_and_then_the_window_sharpe()
    {
        double[] returns = [0.01, -0.02, 0.03, 0.01, 0.00, 0.02];

        var rolling = ReportSeries.RollingSharpe(returns, window: 3, riskFreePerYear: 0, periodsPerYear: 252);

        Assert.True(double.IsNaN(rolling[0]) && double.IsNaN(rolling[1]));
        // Last window 0.01, 0.00, 0.02: mean 0.01, sample sd 0.01.
        Assert.Equal(0.01 / 0.01 * Math.Sqrt(252), rolling[5], 9);
        Assert.Equal(RiskAdjustedRatios.Sharpe(returns.AsSpan(1, 3)), rolling[3]);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
