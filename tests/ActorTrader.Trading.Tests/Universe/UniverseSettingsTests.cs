using ActorTrader.Hocon;
using ActorTrader.Trading.Universe;

namespace ActorTrader.Trading.Tests.Universe;

public sealed class UniverseSettingsTests
{
    private static (UniverseSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string universe) =>
        UniverseSettings.Read(ConfigurationFactory.ParseString(
            $"actortrader.backtest.walk-forward.universe {{ {universe} }}", new HoconParseOptions { SourceName = "test.conf", UseEnvironment = false }));

    [Fact]
    public void Missing_keys_take_the_defaults_without_problems()
    {
        var (settings, problems) = UniverseSettings.Read(ConfigurationFactory.ParseString("actortrader {}", new HoconParseOptions { UseEnvironment = false }));

        Assert.Empty(problems);
        Assert.Equal(new UniverseSettings(UniverseSource.Auto, new FeatureUniverseRules(252, null, 1.0)), settings);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var (settings, problems) = Read("source = features, min-history = 20, min-rating = 0.1, min-close = 5");

        Assert.Empty(problems);
        Assert.Equal(new UniverseSettings(UniverseSource.Features, new FeatureUniverseRules(20, 0.1, 5)), settings);
    }

    [Fact]
    public void Min_rating_off_means_no_rating_rule()
    {
        var (settings, problems) = Read("min-rating = off");

        Assert.Empty(problems);
        Assert.Null(settings.Rules.MinimumRating);
    }

    [Fact]
    public void An_unknown_source_is_a_positioned_problem_and_keeps_the_default()
    {
        var (settings, problems) = Read("source = featurs");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.backtest.walk-forward.universe.source", problem.Key);
        Assert.StartsWith("test.conf:1:", problem.Location, StringComparison.Ordinal);
        Assert.Equal(UniverseSource.Auto, settings.Source);
    }

    [Fact]
    public void A_rating_outside_minus_one_to_one_is_a_problem()
    {
        var (_, problems) = Read("min-rating = 2");

        Assert.Equal("actortrader.backtest.walk-forward.universe.min-rating", Assert.Single(problems).Key);
    }

    [Fact]
    public void A_min_history_below_one_is_a_problem()
    {
        var (settings, problems) = Read("min-history = 0");

        Assert.Equal("actortrader.backtest.walk-forward.universe.min-history", Assert.Single(problems).Key);
        Assert.Equal(252, settings.Rules.MinimumHistory);
    }
}
