using ActorTrader.Hocon;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Settings;

namespace ActorTrader.Strategies.Tests.Settings;

public sealed class StrategySettingsTests
{
    private static (StrategySettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string hocon) =>
        StrategySettings.Read(ConfigurationFactory.ParseString(hocon));

    private static ConfigProblem SingleProblem(string hocon) => Assert.Single(Read(hocon).Problems);

    [Fact]
    public void The_reference_conf_block_reads_without_problems_and_equals_the_code_defaults()
    {
        var config = ConfigurationFactory.ParseFile(Path.Combine(AppContext.BaseDirectory, "TestData", "reference.conf"));

        var (settings, problems) = StrategySettings.Read(config);

        Assert.Empty(problems);
        Assert.Equal(StrategySettings.Defaults().All, settings.All);
    }

    [Fact]
    public void The_reference_conf_block_lists_every_parameter_of_every_strategy()
    {
        var config = ConfigurationFactory.ParseFile(Path.Combine(AppContext.BaseDirectory, "TestData", "reference.conf"));

        Assert.All(StrategyCatalog.Default.All, strategy => Assert.Equal(
            strategy.Parameters.Ranges.Select(r => r.Name).Order(),
            config.GetConfig($"actortrader.strategies.{strategy.Name}.parameters").Keys.Order()));
    }

    [Fact]
    public void Pairs_and_quality_smallcap_value_are_disabled_by_default()
    {
        var disabled = StrategySettings.Defaults().All.Where(s => !s.Enabled).Select(s => s.Name);

        Assert.Equal(["pairs", "quality_smallcap_value"], disabled);
    }

    [Fact]
    public void Configured_values_overlay_the_defaults()
    {
        var (settings, problems) = Read("""
            actortrader.strategies.trend_following {
              enabled = false
              allocation = 0.25
              parameters { direction = both, entry_rating = 0.6 }
            }
            """);

        var trend = settings.Get("trend_following");
        Assert.Empty(problems);
        Assert.Equal((false, 0.25, 2.0, 0.6, 260.0), (trend.Enabled, trend.Allocation, trend.Parameters["direction"], trend.Parameters["entry_rating"], trend.Parameters["history"]));
    }

    [Fact]
    public void A_strategy_without_a_block_keeps_its_defaults()
    {
        var (settings, _) = Read("actortrader.strategies.pairs.enabled = true");

        Assert.Equal(StrategySettings.Defaults().Get("mean_reversion"), settings.Get("mean_reversion"));
    }

    [Fact]
    public void A_choice_with_a_percent_sign_is_read_by_name()
    {
        var (settings, problems) = Read("actortrader.strategies.pairs.parameters.significance = \"1%\"");

        Assert.Empty(problems);
        Assert.Equal(0.0, settings.Get("pairs").Parameters["significance"]);
    }

    [Fact]
    public void An_unknown_strategy_is_reported_with_the_closest_name_and_its_position()
    {
        var problem = SingleProblem("actortrader.strategies {\n  mean_revrsion { enabled = true }\n}");

        Assert.Equal("actortrader.strategies.mean_revrsion", problem.Key);
        Assert.StartsWith("Unknown strategy \"mean_revrsion\"; did you mean mean_reversion?", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Rename the block to mean_reversion, or remove it.", problem.Fix);
        Assert.Equal(2, problem.Position!.Line);
    }

    [Fact]
    public void An_unknown_parameter_is_reported_with_the_closest_name()
    {
        var problem = SingleProblem("actortrader.strategies.mean_reversion.parameters.z_windw = 30");

        Assert.Equal("actortrader.strategies.mean_reversion.parameters.z_windw", problem.Key);
        Assert.Equal("mean_reversion has no parameter z_windw; did you mean z_window?", problem.Message);
    }

    [Fact]
    public void An_out_of_range_parameter_names_the_key_the_range_and_the_fix()
    {
        var problem = SingleProblem("actortrader.strategies.mean_reversion.parameters.z_window = 500");

        Assert.Equal("actortrader.strategies.mean_reversion.parameters.z_window = 500 is outside its range [5, 120].", problem.Message);
        Assert.Equal("Set actortrader.strategies.mean_reversion.parameters.z_window to a whole number within [5, 120] (default 20).", problem.Fix);
    }

    [Fact]
    public void A_fractional_whole_number_is_reported()
    {
        var problem = SingleProblem("actortrader.strategies.mean_reversion.parameters.z_window = 20.5");

        Assert.EndsWith("z_window = 20.5 must be a whole number.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_outside_its_names_is_reported_with_the_closest_one()
    {
        var problem = SingleProblem("actortrader.strategies.trend_following.parameters.direction = bth");

        Assert.Equal("actortrader.strategies.trend_following.parameters.direction = \"bth\" is not one of long, short, both; did you mean both?", problem.Message);
    }

    [Fact]
    public void A_bad_value_keeps_the_default_in_its_place()
    {
        var (settings, _) = Read("actortrader.strategies.mean_reversion.parameters.z_window = 500");

        Assert.Equal(20.0, settings.Get("mean_reversion").Parameters["z_window"]);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void An_allocation_outside_zero_to_one_is_reported(string value)
    {
        var problem = SingleProblem($"actortrader.strategies.gap_fill.allocation = {value}");

        Assert.Equal("actortrader.strategies.gap_fill.allocation", problem.Key);
        Assert.Equal($"actortrader.strategies.gap_fill.allocation = {value} is outside 0..1.", problem.Message);
        Assert.StartsWith("Set actortrader.strategies.gap_fill.allocation to a share of the sleeve's capital between 0 and 1", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_boolean_enabled_flag_is_reported()
    {
        var problem = SingleProblem("actortrader.strategies.pairs.enabled = maybe");

        Assert.Equal("actortrader.strategies.pairs.enabled", problem.Key);
        Assert.Equal("Set actortrader.strategies.pairs.enabled = true or false (default false).", problem.Fix);
    }

    [Fact]
    public void A_misspelt_setting_inside_a_strategy_block_is_reported_with_the_closest_one()
    {
        var problem = SingleProblem("actortrader.strategies.pairs.allocaton = 0.2");

        Assert.Equal("actortrader.strategies.pairs.allocaton is not a strategy setting; did you mean allocation?", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, problems) = Read("""
            actortrader.strategies {
              pairz { }
              gap_fill { allocation = 2, parameters { min_gap = 1, direction = up } }
            }
            """);

        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void FromConfig_throws_listing_every_problem()
    {
        var error = Assert.Throws<StrategySettingsException>(() =>
            StrategySettings.FromConfig(ConfigurationFactory.ParseString("actortrader.strategies { pairz {}, gap_fill.allocation = 2 }")));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("did you mean pairs?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_of_an_unknown_strategy_suggests_the_closest_one()
    {
        var error = Assert.Throws<UnknownStrategyException>(() => StrategySettings.Defaults().Get("pair"));

        Assert.Equal("pairs", error.Suggestion);
    }
}
