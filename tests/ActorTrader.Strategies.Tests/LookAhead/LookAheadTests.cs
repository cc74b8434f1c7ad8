using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Replay;
using ActorTrader.Strategies.Tests.Support;

namespace ActorTrader.Strategies.Tests.LookAhead;

/// <summary>
/// The acceptance test for look-ahead: a strategy that asks for the next bar is refused by the point-in-time panel, and
/// every catalogued strategy decides the same on the full panel as on the panel that ends at its decision bar.
/// </summary>
public sealed class LookAheadTests
{
    private const int DailyBars = 700;
    private static readonly int[] DailyDecisions = [420, 470, 520, 560, 600, 640, 699];

    [Fact]
    public void A_strategy_that_peeks_one_bar_ahead_is_refused_by_the_panel_during_replay()
    {
        var panel = SyntheticMarket.Daily(seed: 1, bars: 30);

        var error = Assert.Throws<LookAheadException>(() => SignalReplay.Run(new PeekingStrategy(), panel, ParameterSet.Empty));

        Assert.Equal(0, error.Now);
        Assert.Equal(1, error.Requested);
        Assert.Contains("1 bar(s) in the future", error.Message, StringComparison.Ordinal);
    }

    private static readonly string[] CaseNames =
    [
        "mean_reversion", "vol_managed_momentum", "relative_volume_breakout", "gap_fill", "vix_regime_rotation with a volatility index",
        "vix_regime_rotation with the market proxy", "vix_regime_rotation with the equal-weight proxy", "factor_momentum",
        "sector_rotation with clusters", "sector_rotation with sectors", "quality_smallcap_value", "pairs", "trend_following",
    ];

    public static TheoryData<string> Cases() => new(CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Strategy_decides_the_same_on_the_full_panel_as_on_the_panel_cut_at_the_decision_bar(string name)
    {
        var test = Case(name);

        var (difference, evaluations) = test.Run();

        Assert.Null(difference);
        // The check means something only if the strategy actually traded at some of the decision bars.
        Assert.Contains(evaluations, e => e.Signals.Count > 0);
    }

    [Fact]
    public void Every_catalogued_strategy_has_a_truncation_case()
    {
        var covered = CaseNames.Select(name => name.Split(' ')[0]).ToHashSet();

        Assert.Equal(StrategyCatalog.Default.Names.Order(), covered.Order());
    }

    [Fact]
    public void The_truncation_check_catches_a_strategy_that_sizes_by_symbols_listed_later()
    {
        var panel = SyntheticMarket.Daily(seed: 1, bars: DailyBars);
        var test = new TruncationCase(new SurvivorshipStrategy(), panel, ParameterSet.Empty, DailyDecisions);

        var (difference, _) = test.Run();

        Assert.NotNull(difference);
    }

    [Fact]
    public void Gap_fill_logs_the_same_gaps_on_the_full_panel_as_on_the_cut_panel()
    {
        var test = Case("gap_fill");

        var (difference, evaluations) = test.Run();

        Assert.Null(difference);
        Assert.Contains(evaluations, e => e.Events.Any(x => x.Kind == "gap"));
    }

    private static TruncationCase Case(string name)
    {
        var strategy = StrategyCatalog.Default.Get(name.Split(' ')[0]);
        var daily = SyntheticMarket.Daily(seed: 1, bars: DailyBars);
        return name switch
        {
            "mean_reversion" => Daily(strategy, daily, new() { ["entry_z"] = 1.0, ["trigger"] = 2, ["allow_short"] = 1 }),
            "vol_managed_momentum" => Daily(strategy, daily, []),
            "relative_volume_breakout" => Daily(strategy, daily, new() { ["volume_multiple"] = 1.5, ["breakout_window"] = 10 }),
            "gap_fill" => GapFill(strategy),
            "vix_regime_rotation with a volatility index" => Daily(strategy, SyntheticMarket.Daily(seed: 2, bars: DailyBars, withVix: true), []),
            "vix_regime_rotation with the market proxy" => Daily(strategy, daily, []),
            "vix_regime_rotation with the equal-weight proxy" => Daily(strategy, daily, new() { ["use_market_symbol"] = 0 }),
            "factor_momentum" => Daily(strategy, daily, []),
            "sector_rotation with clusters" => Daily(strategy, daily, []),
            "sector_rotation with sectors" => Daily(strategy, SyntheticMarket.Daily(seed: 3, bars: DailyBars, withFundamentals: true), []),
            "quality_smallcap_value" => Daily(strategy, SyntheticMarket.Daily(seed: 3, bars: DailyBars, withFundamentals: true), []),
            "pairs" => Daily(strategy, daily, new() { ["entry_z"] = 1.0, ["exit_z"] = 0.2 }),
            "trend_following" => Daily(strategy, daily, new() { ["direction"] = 2, ["entry_rating"] = 0.2, ["exit_rating"] = -0.5 }),
            _ => throw new ArgumentException($"No truncation case {name}.", nameof(name)),
        };
    }

    private static TruncationCase Daily(IStrategy strategy, BarPanel panel, Dictionary<string, double> overrides) =>
        new(strategy, panel, strategy.Parameters.WithOverrides(overrides, strategy.Name), DailyDecisions);

    private static TruncationCase GapFill(IStrategy strategy)
    {
        // Friday before the 2024 DST switch, then the Monday and Tuesday after it.
        DateOnly[] days = [new(2024, 3, 8), new(2024, 3, 11), new(2024, 3, 12)];
        var panel = SyntheticMarket.Minutes(seed: 4, days, symbols: 4, preMarket: true);
        var parameters = strategy.Parameters.WithOverrides(new Dictionary<string, double>
        {
            ["min_gap"] = 0.001, ["max_gap"] = 0.15, ["direction"] = 2, ["confirm_fraction"] = 0.1,
        }, strategy.Name);
        return new TruncationCase(strategy, panel, parameters, [.. Enumerable.Range(0, panel.TimeCount).Where(t => t % 3 == 0)]);
    }
}
