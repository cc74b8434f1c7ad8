using ActorTrader.Hocon;
using ActorTrader.Hosting.Checking;

namespace ActorTrader.Hosting.Tests.Checking;

/// <summary>config-check over the strategies, backtest, sleeves and meta sections, and every sleeve file.</summary>
public sealed class ResearchSectionsCheckTests : IDisposable
{
    private const string Sleeve = """
        sleeve {
          universe { symbols = ["NYSE:SYN00001", "NYSE:SYN00002"], source = synthetic }
          window { lookback-bars = 250 }
          strategies { mean_reversion {} }
        }
        """;

    private readonly TempDirectory _dir = new();

    public ResearchSectionsCheckTests() => Directory.CreateDirectory(SleevesDir);

    public void Dispose() => _dir.Dispose();

    private string SleevesDir => _dir.File("sleeves");

    private void WriteSleeve(string name, string text) => File.WriteAllText(Path.Combine(SleevesDir, name + ".conf"), text);

    private IReadOnlyList<ConfigProblem> Check(string extra) => ConfigCheck.Run(Sources.For(_dir, _dir.WriteConfig($$"""
        actortrader {
          node { name = "check", data-dir = "{{_dir.File("data")}}" }
          sleeves.dir = "{{SleevesDir}}"
          {{extra}}
        }
        """))).Problems;

    [Fact]
    public void A_bad_strategy_parameter_is_reported_once_at_its_line_even_when_every_sleeve_reads_it()
    {
        WriteSleeve("one", Sleeve);
        WriteSleeve("two", Sleeve);

        var problem = Assert.Single(Check("strategies.mean_reversion.parameters.z_window = 500"));

        Assert.Equal(4, problem.Position?.Line);
        Assert.Contains("z_window = 500 is outside its range [5, 120]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_strategy_gets_the_strategy_hint_and_is_not_also_an_unknown_key()
    {
        var problem = Assert.Single(Check("strategies.mean_revertion { enabled = true }"));

        Assert.Contains("Unknown strategy \"mean_revertion\"; did you mean mean_reversion?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_strategy_parameter_gets_the_parameter_hint()
    {
        var problem = Assert.Single(Check("strategies.mean_reversion.parameters.z_windw = 30"));

        Assert.Contains("mean_reversion has no parameter z_windw; did you mean z_window?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_walk_forward_universe_source_is_reported_with_its_key()
    {
        var problem = Assert.Single(Check("backtest.walk-forward.universe.source = feature"));

        Assert.Equal("actortrader.backtest.walk-forward.universe.source", problem.Key);
    }

    [Fact]
    public void An_operator_defined_meta_profile_is_not_an_unknown_key()
    {
        WriteSleeve("growth", Sleeve);
        WriteSleeve("income", Sleeve);

        Assert.Empty(Check("meta.profiles.mine { sleeves = [growth, income], optimizer = hrp, min-overlap = 30 }"));
    }

    [Fact]
    public void An_unknown_key_inside_a_meta_profile_is_reported_once_by_the_meta_reader()
    {
        var problem = Assert.Single(Check("meta.profiles.income { sleeves = [a, b], optimiser = hrp }"));

        Assert.Equal("actortrader.meta.profiles.income.optimiser", problem.Key);
        Assert.Contains("Did you mean \"optimizer\"?", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_meta_optimizer_is_reported_with_the_closest_one()
    {
        var problem = Assert.Single(Check("meta.profiles.default.optimizer = hrpp"));

        Assert.Contains("\"hrpp\" is not a known optimiser", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Position?.Line);
    }

    [Fact]
    public void A_bad_backtest_value_is_reported_at_its_line()
    {
        var problem = Assert.Single(Check("backtest.simulator = vectorized-fast"));

        Assert.Equal("actortrader.backtest.simulator", problem.Key);
        Assert.Equal(4, problem.Position?.Line);
    }

    [Fact]
    public void A_sleeve_file_with_an_unknown_engine_is_reported_at_its_line_with_the_closest_engine()
    {
        WriteSleeve("typo", Sleeve.Replace("strategies { mean_reversion {} }", "strategies { mean_reversion {} }\n  optimisation { engines = [hrpp] }", StringComparison.Ordinal));

        var problem = Assert.Single(Check(""));

        Assert.Equal(Path.Combine(SleevesDir, "typo.conf"), problem.Position?.Source);
        Assert.Equal(5, problem.Position?.Line);
        Assert.Contains("did you mean hrp?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_sleeve_default_is_reported_once_across_sleeve_files()
    {
        WriteSleeve("one", Sleeve);
        WriteSleeve("two", Sleeve);

        var problem = Assert.Single(Check("sleeves.defaults.health.min-observations = 1"));

        Assert.Equal(_dir.File("node.conf"), problem.Position?.Source);
    }

    [Fact]
    public void A_default_window_end_for_every_sleeve_is_a_known_key()
    {
        WriteSleeve("one", Sleeve);

        Assert.Empty(Check("sleeves.defaults.window.to = \"2019-12-31\""));
    }

    [Fact]
    public void A_sleeves_directory_the_operator_named_that_does_not_exist_is_reported()
    {
        var problem = Assert.Single(Check($"sleeves.dir = \"{_dir.File("no-such-sleeves")}\""));

        Assert.Equal("actortrader.sleeves.dir", problem.Key);
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_naming_a_sleeve_without_a_file_is_reported_with_the_closest_sleeve()
    {
        WriteSleeve("income", Sleeve);
        WriteSleeve("growth", Sleeve);

        var problem = Assert.Single(Check("meta.profiles.mine { sleeves = [income, grwth] }"));

        Assert.Equal("actortrader.meta.profiles.mine.sleeves", problem.Key);
        Assert.Contains("names sleeve \"grwth\", which has no file", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean growth?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_sleeves_are_clean_and_hold_the_default_profile_sleeves()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "hocon", "sleeves");
        var path = _dir.WriteConfig($$"""
            actortrader {
              node { name = "check", data-dir = "{{_dir.File("data")}}" }
              sleeves.dir = "{{shipped}}"
              meta.profiles.default.sleeves = [core_equity, trend_short]
            }
            """);

        var report = ConfigCheck.Run(Sources.For(_dir, path));

        Assert.Empty(report.Problems);
        Assert.True(File.Exists(Path.Combine(shipped, "core_equity.conf")));
    }
}
