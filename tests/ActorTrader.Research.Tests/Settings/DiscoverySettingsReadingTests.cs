using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Settings;

namespace ActorTrader.Research.Tests.Settings;

/// <summary><c>actortrader.research.discovery</c>: reference.conf's defaults, configured values, and bad values reported at their keys.</summary>
public sealed class DiscoverySettingsReadingTests
{
    private static (ResearchSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string research) =>
        ResearchSettings.Read(ConfigurationFactory.ParseString($"actortrader.research {{\n{research}\n}}", new HoconParseOptions { SourceName = "node.conf" }));

    [Fact]
    public void Reference_conf_turns_discovery_off_and_gives_the_code_defaults()
    {
        var (settings, problems) = ResearchSettings.Read(ReferenceConfig.Load(new Dictionary<string, string?>()));

        var d = DiscoverySettings.Default;
        Assert.Empty(problems);
        Assert.False(settings.Discovery.Enabled);
        Assert.Equal(d.Windows, settings.Discovery.Windows);
        Assert.Equal(d, settings.Discovery with { Windows = d.Windows });
        Assert.Equal(settings.Strategies, settings.Populations);
    }

    [Fact]
    public void Configured_discovery_values_are_read_and_add_the_discovery_population()
    {
        var (settings, problems) = Read("""
            strategies = [trend_following]
            discovery {
              enabled = on
              population-size = 30
              max-depth = 5
              max-size = 20
              initial-max-depth = 3
              windows = [5, 20]
              point-mutation-probability = 0.7
              return-constants { min = -0.05, max = 0.05, step = 0.01 }
            }
            """);

        Assert.Empty(problems);
        var d = settings.Discovery;
        Assert.Equal((true, 30, 5, 20, 3, 0.7), (d.Enabled, d.PopulationSize, d.MaxDepth, d.MaxSize, d.InitialMaxDepth, d.PointMutationProbability));
        Assert.Equal([5, 20], d.Windows);
        Assert.Equal(new ConstantRange(-0.05, 0.05, 0.01), d.ReturnConstants);
        Assert.Equal(["trend_following", RuleStrategy.DiscoveryName], settings.Populations);
        Assert.Equal(30, settings.ForDiscovery().PopulationSize);
    }

    [Fact]
    public void Values_of_the_wrong_type_or_below_their_minimum_are_reported_at_their_keys()
    {
        var (settings, problems) = Read("discovery { enabled = on, population-size = 1, max-depth = 1, windows = [5, five] }");

        Assert.Equal(
            ["actortrader.research.discovery.population-size", "actortrader.research.discovery.max-depth", "actortrader.research.discovery.windows"],
            problems.Select(p => p.Key));
        Assert.All(problems, p => Assert.StartsWith("node.conf:", p.Location));
        Assert.True(settings.Discovery.Enabled);
        Assert.Equal(DiscoverySettings.Default.MaxDepth, settings.Discovery.MaxDepth);
    }

    [Fact]
    public void Limits_that_contradict_each_other_are_reported_for_the_section_and_the_default_search_is_kept()
    {
        var (settings, problems) = Read("discovery { max-depth = 100, initial-max-depth = 7, max-size = 10, windows = [1] }");

        var messages = string.Join(" ", problems.Select(p => p.Message));
        Assert.All(problems, p => Assert.Equal("actortrader.research.discovery", p.Key));
        Assert.Contains("max-depth is 100", messages);
        Assert.Contains("windows contains 1", messages);
        Assert.Equal(DiscoverySettings.Default.MaxDepth, settings.Discovery.MaxDepth);
        Assert.Equal(DiscoverySettings.Default.Windows, settings.Discovery.Windows);
    }

    [Fact]
    public void An_enabled_discovery_population_too_small_for_the_elites_and_immigrants_is_reported()
    {
        var (_, problems) = Read("discovery { enabled = on, population-size = 3 }");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.research.discovery.population-size", problem.Key);
        Assert.Contains("leaves no room for children", problem.Message);
    }

    [Fact]
    public void A_configuration_with_bad_discovery_values_is_rejected_listing_each_problem()
    {
        var config = ConfigurationFactory.ParseString("actortrader.research.discovery { enabled = maybe, leaf-probability = 2 }");

        var rejected = Assert.Throws<ResearchSettingsException>(() => ResearchSettings.FromConfig(config));

        Assert.Contains("actortrader.research.discovery.enabled", rejected.Message);
        Assert.Contains("actortrader.research.discovery.leaf-probability", rejected.Message);
    }
}
