using ActorTrader.Hocon;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Tests.Sleeves.Definition;

public sealed class SleeveSettingsTests
{
    [Fact]
    public void The_reference_settings_point_at_hocon_sleeves_and_restart_strategies_three_times()
    {
        var (settings, problems) = SleeveSettings.Read(SleeveTestFiles.Reference, "/work");

        Assert.Empty(problems);
        Assert.Equal(Path.GetFullPath("/work/hocon/sleeves"), settings.Directory);
        Assert.Equal(StrategyBackoff.Default, settings.Backoff);
    }

    [Fact]
    public void A_max_backoff_below_the_minimum_is_reported_and_raised()
    {
        var config = ConfigurationFactory.ParseString("actortrader.sleeves.strategy-backoff { min = 10s, max = 2s }", new HoconParseOptions { SourceName = "node.conf" });

        var (settings, problems) = SleeveSettings.Read(config, "/work");

        Assert.Equal("actortrader.sleeves.strategy-backoff.max", Assert.Single(problems).Key);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Backoff.MaxBackoff);
    }

    [Fact]
    public void A_mistyped_value_is_reported_at_its_position()
    {
        var config = ConfigurationFactory.ParseString("actortrader.sleeves.strategy-backoff.max-restarts = many", new HoconParseOptions { SourceName = "node.conf" });

        var problem = Assert.Single(SleeveSettings.Read(config, "/work").Problems);

        Assert.Equal(("node.conf", 1), (problem.Position!.Source, problem.Position.Line));
    }
}
