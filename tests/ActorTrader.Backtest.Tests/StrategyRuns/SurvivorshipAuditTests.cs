using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Backtest.Tests.StrategyRuns;

/// <summary>
/// The audit against survivorship look-ahead: symbol C lists at bar 30 (no close before), so until then a strategy that
/// counts it is using a symbol nobody knew would exist.
/// </summary>
public sealed class SurvivorshipAuditTests
{
    private const int Listing = 30;

    private static readonly BarPanel Panel = TestPanels.FromCloses(
        [.. Enumerable.Range(0, 60).Select(i => 100 + Math.Sin(i / 3.0) * 10)],
        [.. Enumerable.Range(0, 60).Select(i => 50.0 + i)],
        [.. Enumerable.Range(0, 60).Select(i => i < Listing ? double.NaN : 80.0 - i / 2.0)]);

    // samples above the bar count: every bar but the last is checked.
    private const int EveryBar = 1_000;

    [Fact]
    public void Strategy_sizing_by_the_whole_universe_is_reported_until_the_late_symbol_lists()
    {
        var report = LookAheadAudit.Run(new SizedBySymbolCount(), ParameterSet.Empty, Panel, EveryBar, seed: 1);

        Assert.Equal(Enumerable.Range(0, Listing), report.Findings.Select(f => f.Bar));
        Assert.All(report.Findings, f => Assert.Equal("differs", f.Kind));
        Assert.Contains("NYSE:A: target 0.3333333333333333 on the full panel but 0.5 on the panel cut", report.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategy_sizing_by_the_listed_symbols_audits_clean()
    {
        var report = LookAheadAudit.Run(new SizedByListedSymbols(), ParameterSet.Empty, Panel, EveryBar, seed: 1);

        Assert.True(report.IsClean, string.Join("; ", report.Findings.Select(f => f.Detail)));
        Assert.Equal(59, report.CheckedBars.Count);
    }

    [Fact]
    public void Momentum_strategy_skipping_unpriced_symbols_audits_clean()
    {
        var strategy = new TopMomentum();

        var report = LookAheadAudit.Run(strategy, new ParameterSet([new("lookback", 5), new("top", 2)]), Panel, EveryBar, seed: 1);

        Assert.True(report.IsClean, string.Join("; ", report.Findings.Select(f => f.Detail)));
    }

    [Fact]
    public void Strategy_that_fails_without_the_late_symbol_is_reported()
    {
        var report = LookAheadAudit.Run(new ThirdSymbolReader(), ParameterSet.Empty, Panel, EveryBar, seed: 1);

        Assert.Equal(Enumerable.Range(0, Listing), report.Findings.Select(f => f.Bar));
        Assert.Contains("failed on the panel cut at the decision bar", report.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_panel_leaves_out_symbols_not_listed_by_the_decision_bar()
    {
        var before = LookAheadAudit.Truncate(Panel, Listing - 1);
        var at = LookAheadAudit.Truncate(Panel, Listing);

        Assert.Equal([TestPanels.Sym("A"), TestPanels.Sym("B")], before.Symbols);
        Assert.Equal(Listing, before.TimeCount);
        Assert.Equal([TestPanels.Sym("A"), TestPanels.Sym("B"), TestPanels.Sym("C")], at.Symbols);
        Assert.Equal(Panel.AsOf(Listing).Close(2).ToArray(), at.AsOf(Listing).Close(2).ToArray());
    }

    /// <summary>Survivorship leak: every priced symbol at 1 / (all symbols of the panel, listed or not).</summary>
    private sealed class SizedBySymbolCount() : TestStrategy("sized_by_symbol_count", 1)
    {
        public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) =>
            Signals(panel, Priced(panel).Select(s => (panel.Symbols[s], 1.0 / panel.SymbolCount)));
    }

    /// <summary>Point in time: every priced symbol at 1 / (symbols priced at the decision).</summary>
    private sealed class SizedByListedSymbols() : TestStrategy("sized_by_listed_symbols", 1)
    {
        public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
        {
            var priced = Priced(panel).ToArray();
            return Signals(panel, priced.Select(s => (panel.Symbols[s], 1.0 / priced.Length)));
        }
    }

    /// <summary>Reads the third symbol of the panel, whether or not it has been listed.</summary>
    private sealed class ThirdSymbolReader() : TestStrategy("third_symbol_reader", 1)
    {
        public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) =>
            Signals(panel, [(panel.Symbols[2], double.IsFinite(panel.CloseAt(2, panel.Now)) ? 1.0 : 0.0)]);
    }

    private static IEnumerable<int> Priced(PointInTimePanel panel) =>
        Enumerable.Range(0, panel.SymbolCount).Where(s => double.IsFinite(panel.CloseAt(s, panel.Now)));
}
