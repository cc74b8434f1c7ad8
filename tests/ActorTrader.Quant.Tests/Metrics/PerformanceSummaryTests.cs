using ActorTrader.Quant.Returns;
using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Metrics;

public class PerformanceSummaryTests
{
    [Fact]
    public void Summary_agrees_with_the_individual_metrics()
    {
        var r = new SeededNormal(4).Series(300, 0.0004, 0.012);
        r[10] = double.NaN;
        var s = PerformanceSummary.Compute(r, PeriodsPerYear.CalendarDays, 0.02, 0.99);
        Assert.Equal(300, s.Periods);
        Assert.Equal(299, s.ObservedPeriods);
        Assert.Equal(RiskAdjustedRatios.Sharpe(r, 0.02, 365), s.Sharpe, 12);
        Assert.Equal(RiskAdjustedRatios.Sortino(r, 0.02, 365), s.Sortino, 12);
        Assert.Equal(ReturnMoments.Volatility(r, 365), s.AnnualisedVolatility, 12);
        Assert.Equal(Drawdowns.Maximum(r), s.MaxDrawdown);
        Assert.Equal(TailRisk.HistoricalCVaR(r, 0.99), s.HistoricalCVaR, 12);
        Assert.Equal(ReturnMoments.ExcessKurtosis(r), s.ExcessKurtosis, 12);
    }

    [Fact]
    public void Total_return_compounds_the_observed_returns()
    {
        var s = PerformanceSummary.Compute([0.1, -0.1, 0.2, double.NaN, 0.0]);
        Assert.Equal(1.1 * 0.9 * 1.2 - 1, s.TotalReturn, 12);
    }

    [Fact]
    public void Too_short_series_is_rejected_naming_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => PerformanceSummary.Compute([0.01, double.NaN, 0.02, 0.03]));
        Assert.Equal("returns", e.ParamName);
    }
}
