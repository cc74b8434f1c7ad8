using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Backtest.Tests.StrategyRuns;

public sealed class LookAheadAuditTests
{
    private static readonly ActorTrader.Strategies.Panel.BarPanel Panel =
        TestPanels.FromCloses([.. Enumerable.Range(0, 60).Select(i => 100 + Math.Sin(i / 3.0) * 10)], [.. Enumerable.Range(0, 60).Select(i => 50.0 + i)]);

    [Fact]
    public void Point_in_time_strategy_audits_clean()
    {
        var strategy = new SmaCrossover();

        var report = LookAheadAudit.Run(strategy, new ParameterSet([new("fast", 3), new("slow", 8)]), Panel, samples: 10, seed: 1);

        Assert.True(report.IsClean, string.Join("; ", report.Findings.Select(f => f.Detail)));
        Assert.Equal(10, report.CheckedBars.Count);
    }

    [Fact]
    public void Strategy_that_peeks_one_bar_ahead_is_reported()
    {
        var report = LookAheadAudit.Run(new PeekingStrategy(), ParameterSet.Empty, Panel, samples: 5, seed: 1);

        Assert.False(report.IsClean);
        Assert.All(report.Findings, f => Assert.Equal("look-ahead", f.Kind));
        Assert.Contains("1 bar(s) in the future", report.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategy_whose_decision_changes_between_identical_views_is_reported()
    {
        var report = LookAheadAudit.Run(new StatefulStrategy(), ParameterSet.Empty, Panel, samples: 3, seed: 1);

        Assert.Equal(3, report.Findings.Count(f => f.Kind == "differs"));
    }

    [Fact]
    public void Same_seed_checks_the_same_bars()
    {
        var a = LookAheadAudit.Run(new SmaCrossover(), new SmaCrossover().Parameters.Defaults(), Panel, 7, seed: 99);
        var b = LookAheadAudit.Run(new SmaCrossover(), new SmaCrossover().Parameters.Defaults(), Panel, 7, seed: 99);

        Assert.Equal(a.CheckedBars, b.CheckedBars);
        Assert.All(a.CheckedBars, t => Assert.InRange(t, 49, 58)); // after the 50-bar warm-up, never the last bar
    }

    [Fact]
    public void Truncated_panel_ends_at_the_decision_bar()
    {
        var cut = LookAheadAudit.Truncate(Panel, 20);

        Assert.Equal(21, cut.TimeCount);
        Assert.Equal(Panel.AsOf(20).Close(1).ToArray(), cut.AsOf(20).Close(1).ToArray());
    }
}
