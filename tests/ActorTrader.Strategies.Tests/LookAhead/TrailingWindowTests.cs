using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;
using ActorTrader.Strategies.Tests.Support;

namespace ActorTrader.Strategies.Tests.LookAhead;

/// <summary>
/// The proof behind <see cref="ITrailingWindow"/> (what lets a refit reuse yesterday's decisions): every strategy that
/// declares a trailing window decides the same at a bar on the whole panel as on the panel that starts at the first bar
/// of that window — nothing before the window counts, not even how many bars there are.
/// </summary>
public sealed class TrailingWindowTests
{
    private const int DailyBars = 700;

    private static readonly string[] CaseNames =
    [
        "trend_following long", "trend_following both with loose ratings", "trend_following on moving averages over 300 bars",
        "mean_reversion on z-scores", "mean_reversion on either trigger with shorts", "vol_managed_momentum",
        "vix_regime_rotation with a volatility index", "vix_regime_rotation with the market proxy", "vix_regime_rotation with the equal-weight proxy",
    ];

    public static TheoryData<string> Cases() => new(CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Strategy_decides_the_same_on_the_whole_panel_as_on_the_panel_that_starts_at_its_window(string name)
    {
        var (strategy, panel, parameters) = Case(name);
        var window = ((ITrailingWindow)strategy).WindowBars(parameters);

        var (difference, evaluations) = Compare(strategy, panel, parameters, window);

        Assert.Null(difference);
        // The check means something only if the strategy actually traded at some of the decision bars.
        Assert.Contains(evaluations, e => e.Signals.Count > 0);
    }

    [Fact]
    public void Every_catalogued_strategy_that_declares_a_trailing_window_has_a_case()
    {
        var declared = StrategyCatalog.Default.Names.Where(n => StrategyCatalog.Default.Get(n) is ITrailingWindow);

        Assert.Equal(declared.Order(), CaseNames.Select(n => n.Split(' ')[0]).Distinct().Order());
    }

    [Fact]
    public void The_check_catches_a_strategy_that_reads_a_bar_before_its_declared_window()
    {
        var panel = SyntheticMarket.Daily(seed: 1, bars: DailyBars);
        var strategy = new FirstBarStrategy();

        var (difference, _) = Compare(strategy, panel, ParameterSet.Empty, strategy.WindowBars(ParameterSet.Empty));

        Assert.NotNull(difference);
    }

    /// <summary>Every 7th bar from the first with a whole window, and the last: whole panel vs the panel cut to start at the window.</summary>
    private static (string? Difference, IReadOnlyList<SignalSet> Evaluations) Compare(IStrategy strategy, BarPanel panel, ParameterSet parameters, int window)
    {
        var evaluations = new List<SignalSet>();
        var first = Math.Max(window, strategy.Requirements.MinimumHistory) - 1;
        foreach (var t in Enumerable.Range(first, panel.TimeCount - first).Where(t => (t - first) % 7 == 0 || t == panel.TimeCount - 1))
        {
            var whole = strategy.Evaluate(panel.AsOf(t), parameters);
            var cut = PanelSlice.Of(panel, t - window + 1, panel.TimeCount - 1);
            var windowed = strategy.Evaluate(cut.AsOf(window - 1), parameters);
            evaluations.Add(whole);
            if (SignalAssert.Difference(whole, windowed) is { } difference)
                return ($"{strategy.Name} at bar {t}: whole panel vs the panel from bar {t - window + 1}: {difference}", evaluations);
        }
        return (null, evaluations);
    }

    private static (IStrategy Strategy, BarPanel Panel, ParameterSet Parameters) Case(string name)
    {
        var strategy = StrategyCatalog.Default.Get(name.Split(' ')[0]);
        var daily = SyntheticMarket.Daily(seed: 1, bars: DailyBars);
        ParameterSet With(Dictionary<string, double> overrides) => strategy.Parameters.WithOverrides(overrides, strategy.Name);
        return name switch
        {
            "trend_following long" => (strategy, daily, With([])),
            "trend_following both with loose ratings" => (strategy, daily, With(new() { ["direction"] = 2, ["entry_rating"] = 0.2, ["exit_rating"] = -0.5 })),
            "trend_following on moving averages over 300 bars" => (strategy, daily, With(new() { ["rating"] = 1, ["history"] = 300, ["entry_rating"] = 0.3 })),
            "mean_reversion on z-scores" => (strategy, daily, With(new() { ["entry_z"] = 1.0, ["trigger"] = 0 })),
            "mean_reversion on either trigger with shorts" => (strategy, daily, With(new() { ["entry_z"] = 1.0, ["trigger"] = 2, ["allow_short"] = 1 })),
            "vol_managed_momentum" => (strategy, daily, With([])),
            "vix_regime_rotation with a volatility index" => (strategy, SyntheticMarket.Daily(seed: 2, bars: DailyBars, withVix: true), With([])),
            "vix_regime_rotation with the market proxy" => (strategy, daily, With([])),
            "vix_regime_rotation with the equal-weight proxy" => (strategy, daily, With(new() { ["use_market_symbol"] = 0 })),
            _ => throw new ArgumentException($"No trailing-window case {name}.", nameof(name)),
        };
    }
}
