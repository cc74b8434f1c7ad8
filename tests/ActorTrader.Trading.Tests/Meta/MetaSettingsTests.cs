using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Trading.Meta;

namespace ActorTrader.Trading.Tests.Meta;

/// <summary>Meta profiles read from HOCON, and every problem a profile can have.</summary>
public sealed class MetaSettingsTests
{
    private static (MetaSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string profiles) =>
        MetaSettings.Read(ConfigurationFactory.ParseString($"actortrader.meta.profiles {{\n{profiles}\n}}", new HoconParseOptions { SourceName = "node.conf" }));

    [Fact]
    public void Reference_conf_default_profile_runs_core_equity_and_trend_short_by_risk_parity()
    {
        var settings = MetaSettings.FromConfig(ReferenceConfig.Load(new Dictionary<string, string?>()));

        var profile = settings.Profiles["default"];
        Assert.Equal(["core_equity", "trend_short"], profile.Sleeves);
        Assert.Equal("erc", profile.Optimizer);
        Assert.False(profile.AllowSingleSleeve);
        Assert.Equal(TimeSpan.FromMinutes(10), profile.SleeveTimeout);
        Assert.Equal(60, profile.MinOverlap);
        Assert.Equal("weights.json", settings.SleeveWeightsFile);
    }

    [Fact]
    public void Keys_a_profile_leaves_out_take_the_defaults()
    {
        var (settings, problems) = Read("p { sleeves = [a, b] }");

        Assert.Empty(problems);
        var profile = settings.Profiles["p"];
        Assert.Equal(["a", "b"], profile.Sleeves);
        Assert.Equal("erc", profile.Optimizer);
        Assert.False(profile.AllowSingleSleeve);
        Assert.Equal(TimeSpan.FromMinutes(10), profile.SleeveTimeout);
        Assert.Equal(60, profile.MinOverlap);
    }

    [Fact]
    public void A_configured_optimizer_and_limits_are_read()
    {
        var (settings, problems) = Read("p { sleeves = [a, b], optimizer = hrp, sleeve-timeout = 90s, min-overlap = 250 }");

        Assert.Empty(problems);
        var profile = settings.Profiles["p"];
        Assert.Equal("hrp", profile.Optimizer);
        Assert.Equal(TimeSpan.FromSeconds(90), profile.SleeveTimeout);
        Assert.Equal(250, profile.MinOverlap);
    }

    [Fact]
    public void An_unknown_optimizer_is_a_problem_suggesting_the_closest_name()
    {
        var (settings, problems) = Read("p {\n  sleeves = [a, b]\n  optimizer = hrpp\n}");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.meta.profiles.p.optimizer", problem.Key);
        Assert.Contains("\"hrpp\" is not a known optimiser", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"hrp\"?", problem.Fix, StringComparison.Ordinal);
        Assert.Equal(4, problem.Position!.Line);
        Assert.DoesNotContain("p", settings.Profiles.Keys);
    }

    [Fact]
    public void An_empty_sleeves_list_is_a_problem()
    {
        var (_, problems) = Read("p { sleeves = [] }");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.meta.profiles.p.sleeves", problem.Key);
        Assert.Contains("is empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_sleeves_list_is_a_problem()
    {
        var (_, problems) = Read("p { optimizer = erc }");

        Assert.Contains("is missing", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_sleeve_without_allow_single_sleeve_is_a_problem()
    {
        var (_, problems) = Read("p { sleeves = [core_equity] }");

        var problem = Assert.Single(problems);
        Assert.Contains("lists one sleeve (core_equity)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("allow-single-sleeve = on", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_sleeve_with_allow_single_sleeve_is_accepted()
    {
        var (settings, problems) = Read("p { sleeves = [core_equity], allow-single-sleeve = on }");

        Assert.Empty(problems);
        Assert.True(settings.Profiles["p"].AllowSingleSleeve);
    }

    [Fact]
    public void A_sleeve_named_twice_is_a_problem()
    {
        var (_, problems) = Read("p { sleeves = [a, b, a] }");

        Assert.Contains("names sleeve \"a\" twice", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_profile_key_is_a_problem_naming_the_closest_key()
    {
        var (_, problems) = Read("p { sleeves = [a, b], optimiser = erc }");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.meta.profiles.p.optimiser", problem.Key);
        Assert.Contains("Did you mean \"optimizer\"?", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_min_overlap_below_two_is_a_problem()
    {
        var (_, problems) = Read("p { sleeves = [a, b], min-overlap = 1 }");

        Assert.Contains("min-overlap = 1 is below 2", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_timeout_is_a_problem()
    {
        var (_, problems) = Read("p { sleeves = [a, b], sleeve-timeout = soon }");

        Assert.Equal("actortrader.meta.profiles.p.sleeve-timeout", Assert.Single(problems).Key);
    }

    [Fact]
    public void No_profiles_at_all_is_a_problem()
    {
        var (_, problems) = MetaSettings.Read(ConfigurationFactory.ParseString("actortrader.meta {}"));

        Assert.Contains("defines no profile", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_throws_listing_every_problem()
    {
        var config = ConfigurationFactory.ParseString("actortrader.meta.profiles { p { sleeves = [] }, q { sleeves = [a, b], optimizer = nope } }");

        var error = Assert.Throws<MetaSettingsException>(() => MetaSettings.FromConfig(config));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("profiles.p.sleeves", error.Message, StringComparison.Ordinal);
        Assert.Contains("profiles.q.optimizer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_name_suggests_the_closest_profile()
    {
        var (settings, _) = Read("default { sleeves = [a, b] }\naggressive { sleeves = [a, b], optimizer = max-sharpe }");

        Assert.False(settings.TryGetProfile("agressive", out _, out var error));

        Assert.Contains("Did you mean \"aggressive\"?", error, StringComparison.Ordinal);
        Assert.Contains("Known profiles: aggressive, default", error, StringComparison.Ordinal);
    }
}
