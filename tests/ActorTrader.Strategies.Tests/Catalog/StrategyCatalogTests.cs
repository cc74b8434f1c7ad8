using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Strategies.Tests.Catalog;

public sealed class StrategyCatalogTests
{
    [Fact]
    public void The_default_catalog_holds_the_ten_strategies_by_name()
    {
        Assert.Equal(
            ["factor_momentum", "gap_fill", "mean_reversion", "pairs", "quality_smallcap_value", "relative_volume_breakout",
             "sector_rotation", "trend_following", "vix_regime_rotation", "vol_managed_momentum"],
            StrategyCatalog.Default.Names);
    }

    [Fact]
    public void Get_returns_the_strategy_with_that_name()
    {
        Assert.Equal("pairs", StrategyCatalog.Default.Get("pairs").Name);
    }

    [Fact]
    public void An_unknown_name_suggests_the_closest_one_and_lists_the_known_names()
    {
        var error = Assert.Throws<UnknownStrategyException>(() => StrategyCatalog.Default.Get("mean_revrsion"));

        Assert.Equal(
            "Unknown strategy \"mean_revrsion\"; did you mean mean_reversion? Known: factor_momentum, gap_fill, mean_reversion, pairs, " +
            "quality_smallcap_value, relative_volume_breakout, sector_rotation, trend_following, vix_regime_rotation, vol_managed_momentum.",
            error.Message);
        Assert.Equal("mean_reversion", error.Suggestion);
    }

    [Fact]
    public void Two_strategies_with_one_name_are_refused()
    {
        var strategy = StrategyCatalog.Default.Get("pairs");

        Assert.Throws<ArgumentException>(() => new StrategyCatalog([strategy, strategy]));
    }

    [Fact]
    public void Every_strategy_has_a_description_and_a_positive_history_requirement()
    {
        Assert.All(StrategyCatalog.Default.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Description));
            Assert.True(s.Requirements.MinimumHistory >= 1);
        });
    }

    [Fact]
    public void Only_gap_fill_runs_on_minute_bars()
    {
        Assert.Equal(["gap_fill"], StrategyCatalog.Default.All.Where(s => s.Requirements.Timeframe == Domain.Bars.Timeframe.Minute1).Select(s => s.Name));
    }

    [Fact]
    public void Pairs_needs_margin_and_shorts_and_quality_needs_fundamentals()
    {
        var pairs = StrategyCatalog.Default.Get("pairs").Requirements;
        var quality = StrategyCatalog.Default.Get("quality_smallcap_value").Requirements;

        Assert.Equal((true, true, true), (pairs.NeedsMargin, pairs.CanShort, quality.NeedsFundamentals));
    }
}
