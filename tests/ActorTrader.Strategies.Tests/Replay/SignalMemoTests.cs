using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Replay;
using ActorTrader.Strategies.Signals;
using ActorTrader.Strategies.Tests.Support;

namespace ActorTrader.Strategies.Tests.Replay;

/// <summary>
/// A refit on a window moved by a bar (the replay's daily one) takes the decisions the memo still holds and evaluates the
/// rest, and its targets and events are exactly those of a replay without the memo.
/// </summary>
public sealed class SignalMemoTests
{
    private static readonly BarPanel Market = SyntheticMarket.Daily(seed: 1, bars: 700);
    private static readonly IStrategy Trend = StrategyCatalog.Default.Get("trend_following");
    private static readonly ParameterSet Both = Trend.Parameters.WithOverrides(new Dictionary<string, double> { ["direction"] = 2, ["entry_rating"] = 0.2, ["exit_rating"] = -0.5 }, Trend.Name);

    [Fact]
    public void A_refit_on_a_window_moved_by_a_bar_gives_the_targets_and_events_of_a_replay_without_the_memo()
    {
        var memo = new SignalMemo();
        SignalReplay.Run(Trend, PanelSlice.Of(Market, 0, 599), Both, memo);
        var moved = PanelSlice.Of(Market, 1, 600);

        var withMemo = SignalReplay.Run(Trend, moved, Both, memo);

        AssertSame(SignalReplay.Run(Trend, moved, Both), withMemo);
        Assert.Contains(withMemo.Targets, row => row.Any(t => t != 0));
    }

    [Fact]
    public void A_refit_on_a_window_moved_by_a_bar_evaluates_only_the_new_bar()
    {
        var memo = new SignalMemo();
        SignalReplay.Run(Trend, PanelSlice.Of(Market, 0, 599), Both, memo);

        SignalReplay.Run(Trend, PanelSlice.Of(Market, 1, 600), Both, memo);

        // Decisions at bars 259..599 of the moved panel; all but the last have their whole window in the old panel.
        Assert.Equal(1, memo.Evaluated);
        Assert.Equal(340, memo.Reused);
    }

    [Fact]
    public void A_bar_revised_inside_the_overlap_is_evaluated_again_from_there_on()
    {
        var memo = new SignalMemo();
        SignalReplay.Run(Trend, PanelSlice.Of(Market, 0, 599), Both, memo);
        var revised = PanelSlice.WithClose(PanelSlice.Of(Market, 1, 600), symbol: 0, time: 500, close: 1.5 * Market.Close[0][501]);

        var withMemo = SignalReplay.Run(Trend, revised, Both, memo);

        AssertSame(SignalReplay.Run(Trend, revised, Both), withMemo);
        Assert.Equal(100, memo.Evaluated);
    }

    [Fact]
    public void Other_parameters_are_evaluated_again()
    {
        var memo = new SignalMemo();
        SignalReplay.Run(Trend, PanelSlice.Of(Market, 0, 599), Both, memo);
        var longOnly = Trend.Parameters.Defaults();

        var withMemo = SignalReplay.Run(Trend, PanelSlice.Of(Market, 1, 600), longOnly, memo);

        Assert.Equal(0, memo.Reused);
        AssertSame(SignalReplay.Run(Trend, PanelSlice.Of(Market, 1, 600), longOnly), withMemo);
    }

    [Fact]
    public void A_strategy_that_declares_no_trailing_window_is_always_evaluated()
    {
        var memo = new SignalMemo();
        var strategy = new LastCloseStrategy();
        SignalReplay.Run(strategy, PanelSlice.Of(Market, 0, 599), ParameterSet.Empty, memo);

        SignalReplay.Run(strategy, PanelSlice.Of(Market, 1, 600), ParameterSet.Empty, memo);

        Assert.Equal(0, memo.Reused);
        Assert.Equal(600, memo.Evaluated);
    }

    private static void AssertSame(TargetHistory expected, TargetHistory actual)
    {
        Assert.Equal(expected.Times, actual.Times);
        Assert.Equal(expected.Targets.Length, actual.Targets.Length);
        for (var t = 0; t < expected.Targets.Length; t++)
            Assert.True(expected.Targets[t].SequenceEqual(actual.Targets[t]), $"targets differ at bar {t}");
        Assert.Equal(expected.Events, actual.Events);
    }

    /// <summary>Long every symbol that closed up on the decision bar (it declares no window, so the memo keeps out).</summary>
    private sealed class LastCloseStrategy : IStrategy
    {
        public string Name => "last_close";

        public string Description => "Long what closed up.";

        public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 1);

        public ParameterSpace Parameters { get; } = new([]);

        public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
        {
            var up = Enumerable.Range(0, panel.SymbolCount).Where(s => panel.Now > 0 && panel.CloseAt(s, panel.Now) > panel.CloseAt(s, panel.Now - 1)).ToList();
            return new SignalSet(panel.DecisionTime, up.Select(s => new StrategySignal(panel.Symbols[s], 1.0 / up.Count)));
        }
    }
}
