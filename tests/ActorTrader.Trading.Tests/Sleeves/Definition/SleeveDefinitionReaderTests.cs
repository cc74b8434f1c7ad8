using ActorTrader.Domain.Accounting;
using ActorTrader.Hocon;
using ActorTrader.Strategies.Availability;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Tests.Sleeves.Definition;

public sealed class SleeveDefinitionReaderTests
{
    private const string Source = "test_sleeve.conf";

    private static SleeveReadResult Read(string hocon, Config? node = null) =>
        SleeveDefinitionReader.Read(ConfigurationFactory.ParseString(hocon, new HoconParseOptions { SourceName = Source, UseEnvironment = false }),
            Source, "test_sleeve", node ?? SleeveTestFiles.Reference);

    private const string Minimal = """
        sleeve {
          universe { symbols = ["NYSE:AAPL", "NYSE:MSFT"] }
          strategies { mean_reversion {} }
        }
        """;

    [Theory]
    [InlineData("core_equity")]
    [InlineData("trend_short")]
    [InlineData("crypto_synthetic")]
    public void Every_shipped_sleeve_reads_without_problems(string name)
    {
        var result = SleeveDefinitionReader.ReadFile(Path.Combine(SleeveTestFiles.SleevesDirectory, name + ".conf"), SleeveTestFiles.Reference);

        Assert.Empty(result.Problems);
        Assert.Equal(name, result.Definition!.Name);
    }

    [Fact]
    public void A_minimal_sleeve_takes_every_other_value_from_the_reference_defaults()
    {
        var definition = Read(Minimal).Require();

        Assert.Equal(AccountKind.Cash, definition.Account);
        Assert.Equal(PanelSourceKind.Auto, definition.Universe.Source);
        Assert.Equal(756, definition.Window.LookbackBars);
        Assert.Equal(3, definition.Selection.Levels.Count);
        Assert.Equal(["min-vol", "hrp", "erc"], definition.Optimisation.Engines);
        Assert.True(definition.Synthesis.SignGate);
        Assert.False(definition.Synthesis.ShortLegs);
    }

    [Fact]
    public void An_unknown_strategy_is_reported_at_its_position_with_the_closest_name()
    {
        var result = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"] }
              strategies {
                mean_revrsion {}
              }
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("mean_revrsion", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean mean_reversion?", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Position!.Line);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void An_unknown_engine_is_reported_at_its_position_with_the_closest_name()
    {
        var result = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion {} }
              optimisation {
                engines = [min-vol, hrpp]
                primary = min-vol
              }
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("Unknown optimisation engine \"hrpp\"; did you mean hrp?", problem.Message, StringComparison.Ordinal);
        Assert.Equal((5, Source), (problem.Position!.Line, problem.Position.Source));
    }

    [Fact]
    public void An_unknown_primary_engine_is_reported_with_the_closest_name()
    {
        var result = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion {} }
              optimisation { engines = [min-vol], primary = min-voll }
            }
            """);

        Assert.Contains("did you mean min-vol?", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_primary_engine_outside_the_engine_list_is_a_problem()
    {
        var result = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion {} }
              optimisation { engines = [min-vol], primary = hrp }
            }
            """);

        Assert.Contains("not one of the engines", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_the_closest_known_key()
    {
        var result = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"], timefrme = 1Day }
              strategies { mean_reversion {} }
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("sleeve.universe.timefrme; did you mean timeframe?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_legs_on_a_cash_account_are_a_contradiction()
    {
        var result = Read("""
            sleeve {
              account = cash
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion {} }
              synthesis { short-legs = on }
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("sleeve.synthesis.short-legs", problem.Key);
        Assert.Contains("margin", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Selection_levels_that_tighten_are_reported()
    {
        var result = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion {} }
              selection {
                levels = [
                  { min-sharpe = 0.0, max-drawdown = 0.4, min-trades = 1, min-hit-rate = 0 }
                  { min-sharpe = 1.0, max-drawdown = 0.4, min-trades = 1, min-hit-rate = 0 }
                ]
              }
            }
            """);

        Assert.Contains("stricter than the level before", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_symbol_and_a_value_out_of_range_are_both_reported()
    {
        var result = Read("""
            sleeve {
              universe { symbols = ["AAPL"] }
              strategies { mean_reversion {} }
              pre-opt { max-per-cluster = 0 }
            }
            """);

        Assert.Equal(2, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Key == "sleeve.universe.symbols");
        Assert.Contains(result.Problems, p => p.Key == "sleeve.pre-opt.max-per-cluster");
    }

    [Fact]
    public void Sleeve_overrides_lay_over_the_node_strategy_settings_key_by_key()
    {
        var node = ConfigurationFactory.ParseString("""
            actortrader.strategies.mean_reversion { allocation = 0.2, parameters { z_window = 30, entry_z = 3.0 } }
            """).WithFallback(SleeveTestFiles.Reference);

        var definition = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion { parameters { entry_z = 2.5 } } }
            }
            """, node).Require();

        var setting = Assert.Single(definition.Strategies).Setting;
        Assert.Equal(0.2, setting.Allocation);
        Assert.Equal(30, setting.Parameters["z_window"]);
        Assert.Equal(2.5, setting.Parameters["entry_z"]);
    }

    [Fact]
    public void A_choice_parameter_is_read_by_name()
    {
        var definition = Read("""
            sleeve {
              account = margin
              universe { symbols = ["NYSE:AAPL"] }
              strategies { trend_following { parameters { direction = short } } }
            }
            """).Require();

        var setting = Assert.Single(definition.Strategies).Setting;
        Assert.Equal(1, setting.Parameters["direction"]); // long, short, both
    }

    [Fact]
    public void A_name_that_differs_from_the_file_name_is_a_problem()
    {
        var result = Read("""
            sleeve {
              name = other_sleeve
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion {} }
            }
            """);

        Assert.Equal("sleeve.name", Assert.Single(result.Problems).Key);
    }

    [Fact]
    public void Window_dates_name_whole_UTC_days()
    {
        var definition = Read("""
            sleeve {
              universe { symbols = ["NYSE:AAPL"] }
              strategies { mean_reversion {} }
              window { from = "2020-01-02", to = "2020-12-31" }
            }
            """).Require();

        Assert.Equal(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero), definition.Window.From);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), definition.Window.To);
    }

    [Fact]
    public void A_syntax_error_is_a_positioned_problem()
    {
        using var temp = SleeveTestFiles.TempRuns();
        var path = Path.Combine(temp.Path, "broken.conf");
        File.WriteAllText(path, "sleeve {\n  universe { symbols = [ }\n");

        var result = SleeveDefinitionReader.ReadFile(path, SleeveTestFiles.Reference);

        Assert.Equal(path, Assert.Single(result.Problems).Position!.Source);
        Assert.Throws<SleeveDefinitionException>(() => result.Require());
    }
}
