using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Research.Settings;

namespace ActorTrader.Research.Tests.Settings;

/// <summary><c>actortrader.research</c> read through the problem log: reference.conf's defaults, and each kind of bad value.</summary>
public sealed class ResearchSettingsTests
{
    private static (ResearchSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string research) =>
        ResearchSettings.Read(ConfigurationFactory.ParseString($"actortrader.research {{\n{research}\n}}", new HoconParseOptions { SourceName = "node.conf" }));

    [Fact]
    public void Reference_conf_reads_without_problems_and_gives_the_code_defaults()
    {
        var (settings, problems) = ResearchSettings.Read(ReferenceConfig.Load(new Dictionary<string, string?>()));

        var d = ResearchSettings.Default;
        Assert.Empty(problems);
        Assert.Equal(d.Strategies, settings.Strategies);
        Assert.Equal((d.Seed, d.Generations, d.Parallelism, d.SnapshotEvery, d.ImmigrantShare, d.EliteArchive, d.CorrelationPenalty, d.BanditShare),
            (settings.Seed, settings.Generations, settings.Parallelism, settings.SnapshotEvery, settings.ImmigrantShare, settings.EliteArchive, settings.CorrelationPenalty, settings.BanditShare));
        Assert.Equal(d.Breeding, settings.Breeding);
        Assert.Equal(d.Stagnation, settings.Stagnation);
        Assert.Equal(d.Novelty, settings.Novelty);
        Assert.Equal(d.Bandit, settings.Bandit);
        Assert.Equal(d.Fitness, settings.Fitness);
        Assert.Equal(d.Window, settings.Window);
        Assert.Equal(d.Promotion, settings.Promotion);
        Assert.Equal(d.Data.Symbols, settings.Data.Symbols);
        Assert.Equal(d.Data with { Symbols = [] }, settings.Data with { Symbols = [] });
    }

    [Fact]
    public void Configured_values_are_read()
    {
        var (settings, problems) = Read("""
            strategies = [trend_following]
            seed = 7
            generations = 0
            parallelism = 4
            breeding.population-size = 30
            stagnation.generations = 3
            novelty { k = 5, weight = 0.5 }
            bandit { share = 0.25, explore-share = 0.1 }
            window { start = "22:30", end = "05:00", time-zone = "Europe/London", weekends = off }
            promotion { paper-days = 10, auto-paper = on, min-sharpe = 0.8 }
            data { source = planted, planted.plateau = on, from = "" }
            """);

        Assert.Empty(problems);
        Assert.Equal(["trend_following"], settings.Strategies);
        Assert.Equal((7UL, 0, 4, 30, 3), (settings.Seed, settings.Generations, settings.Parallelism, settings.PopulationSize, settings.Stagnation.Generations));
        Assert.Equal((5, 0.5, 0.25, 0.1), (settings.Novelty.K, settings.Novelty.Weight, settings.BanditShare, settings.Bandit.ExploreShare));
        Assert.Equal((new TimeOnly(22, 30), new TimeOnly(5, 0), "Europe/London", false), (settings.Window.Start, settings.Window.End, settings.Window.TimeZone.Id, settings.Window.Weekends));
        Assert.Equal((10, true, 0.8), (settings.Promotion.PaperDays, settings.Promotion.AutoPaper, settings.Promotion.Validation.MinimumSharpe));
        Assert.Equal((ResearchDataSourceKind.Planted, true, (DateOnly?)null), (settings.Data.Source, settings.Data.PlantedPlateau, settings.Data.From));
    }

    [Fact]
    public void An_unknown_strategy_is_reported_with_the_closest_name_and_left_out()
    {
        var (settings, problems) = Read("strategies = [mean_reversoin, trend_following]");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.research.strategies", problem.Key);
        Assert.Contains("did you mean mean_reversion?", problem.Message);
        Assert.StartsWith("node.conf:", problem.Location);
        Assert.Equal(["trend_following"], settings.Strategies);
    }

    [Fact]
    public void Out_of_range_numbers_are_reported_at_their_position_and_replaced_by_the_defaults()
    {
        var (settings, problems) = Read("parallelism = 0\nimmigrant-share = 1.5\nnovelty.weight = 2");

        Assert.Equal(["actortrader.research.parallelism", "actortrader.research.immigrant-share", "actortrader.research.novelty.weight"], problems.Select(p => p.Key));
        Assert.Equal("node.conf:2:15", problems[0].Location);
        Assert.Equal(ResearchSettings.Default.Parallelism, settings.Parallelism);
        Assert.Equal(ResearchSettings.Default.ImmigrantShare, settings.ImmigrantShare);
        Assert.Equal(ResearchSettings.Default.Novelty.Weight, settings.Novelty.Weight);
    }

    [Fact]
    public void A_wrong_type_is_reported_naming_what_was_expected()
    {
        var (_, problems) = Read("generations = lots");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.research.generations", problem.Key);
        Assert.Contains("must be a whole number", problem.Message);
    }

    [Fact]
    public void Inconsistent_breeding_settings_are_reported_and_the_section_keeps_its_defaults()
    {
        var (settings, problems) = Read("breeding { mutation-rate-min = 0.4, mutation-rate-max = 0.2 }");

        Assert.All(problems, p => Assert.Equal("actortrader.research.breeding", p.Key));
        Assert.Contains(problems, p => p.Message.Contains("mutation-rate-min 0.4 is above mutation-rate-max 0.2", StringComparison.Ordinal));
        Assert.Equal(ResearchSettings.Default.Breeding, settings.Breeding);
    }

    [Fact]
    public void A_bad_window_time_and_an_unknown_time_zone_are_reported()
    {
        var (settings, problems) = Read("window { start = \"25:00\", time-zone = \"Mars/Olympus\" }");

        Assert.Equal(["actortrader.research.window.start", "actortrader.research.window.time-zone"], problems.Select(p => p.Key));
        Assert.Contains("HH:mm", problems[0].Fix);
        Assert.Contains("Mars/Olympus", problems[1].Message);
        Assert.Equal(ResearchSettings.Default.Window, settings.Window);
    }

    [Fact]
    public void An_unknown_data_source_and_an_inverted_date_range_are_reported()
    {
        var (settings, problems) = Read("data { source = parquet, from = \"2020-01-01\", to = \"2019-01-01\" }");

        Assert.Equal(["actortrader.research.data.source", "actortrader.research.data.to"], problems.Select(p => p.Key));
        Assert.Contains("auto, lakehouse, csv, synthetic or planted", problems[0].Fix);
        Assert.Equal(ResearchSettings.Default.Data.From, settings.Data.From);
    }

    [Fact]
    public void Elites_and_immigrants_that_leave_no_room_for_children_are_reported()
    {
        var (settings, problems) = Read("breeding { population-size = 4, elite-count = 2 }\nimmigrant-share = 0.5");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.research.immigrant-share", problem.Key);
        Assert.Equal(0, settings.ImmigrantShare);
    }

    [Fact]
    public void From_config_throws_listing_every_problem()
    {
        var config = ConfigurationFactory.ParseString("actortrader.research { parallelism = 0, seed = -1 }");

        var error = Assert.Throws<ResearchSettingsException>(() => ResearchSettings.FromConfig(config));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("actortrader.research.seed", error.Message);
    }

    [Fact]
    public void Each_strategy_gets_its_own_stable_seed()
    {
        var settings = ResearchSettings.Default with { Seed = 42 };

        Assert.Equal(settings.SeedFor("mean_reversion"), (settings with { }).SeedFor("mean_reversion"));
        Assert.NotEqual(settings.SeedFor("mean_reversion"), settings.SeedFor("trend_following"));
        Assert.NotEqual(settings.SeedFor("mean_reversion"), (settings with { Seed = 43 }).SeedFor("mean_reversion"));
    }
}
