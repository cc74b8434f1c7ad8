using System.Text.Json;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Tests.Bandit;

public sealed class ParameterBanditTests
{
    private static readonly ParameterSpace OneReal = new([ParameterRange.Real("x", 0, 1, 0.5, "")]);

    private static readonly ParameterSpace Mixed = new([
        ParameterRange.Real("threshold", -1, 1, 0, ""),
        ParameterRange.WholeNumber("lookback", 5, 60, 20, ""),
        ParameterRange.Boolean("allow_short", false, ""),
        ParameterRange.Choice("mode", ["fast", "slow", "both"], "fast", ""),
    ]);

    private static ParameterSet X(double x) => new([KeyValuePair.Create("x", x)]);

    [Fact]
    public void After_rewards_sampling_favours_the_rewarded_region()
    {
        var bandit = new ParameterBandit(OneReal, BanditSettings.Default with { BinsPerParameter = 10, ExploreShare = 0.1 });
        var rng = new ResearchRandom(1);
        for (var i = 0; i < 30; i++)
        {
            bandit.Record("bull", X(0.05 + 0.9 * rng.NextDouble()), reward: -1);
            bandit.Record("bull", X(0.72 + 0.07 * rng.NextDouble()), reward: 2);
        }

        var inRewarded = Enumerable.Range(0, 2000).Count(_ => bandit.Sample("bull", rng)["x"] is >= 0.7 and < 0.8);

        Assert.True(inRewarded > 1600, $"{inRewarded} of 2000 samples in the rewarded region");
    }

    [Fact]
    public void The_explore_share_of_samples_is_drawn_from_the_whole_space()
    {
        var bandit = new ParameterBandit(OneReal, BanditSettings.Default with { BinsPerParameter = 10, ExploreShare = 0.3 });
        bandit.Record("bull", X(0.95), reward: 1);
        var rng = new ResearchRandom(2);

        var outside = Enumerable.Range(0, 20_000).Count(_ => bandit.Sample("bull", rng)["x"] < 0.9);

        // Exploitation always lands in [0.9, 1]; exploration is uniform, so 0.3 × 0.9 of all samples fall outside.
        Assert.InRange(outside / 20_000.0, 0.26, 0.28);
    }

    [Fact]
    public void A_regime_without_records_is_sampled_uniformly()
    {
        var bandit = new ParameterBandit(OneReal, BanditSettings.Default with { ExploreShare = 0 });
        bandit.Record("bull", X(0.95), reward: 5);
        var rng = new ResearchRandom(3);

        var below = Enumerable.Range(0, 4000).Count(_ => bandit.Sample("bear", rng)["x"] < 0.5);

        Assert.InRange(below / 4000.0, 0.47, 0.53);
    }

    [Fact]
    public void Samples_always_lie_inside_the_space_with_integral_whole_numbers_flags_and_choices()
    {
        var bandit = new ParameterBandit(Mixed, BanditSettings.Default with { BinsPerParameter = 3 });
        var rng = new ResearchRandom(4);
        for (var i = 0; i < 50; i++)
        {
            var set = bandit.Sample("any", rng);
            bandit.Record("any", set, set["threshold"]);
        }

        Assert.All(Enumerable.Range(0, 500).Select(_ => bandit.Sample("any", rng)), set => Assert.Empty(Mixed.Problems(set)));
    }

    [Fact]
    public void Rewards_are_clipped_before_they_are_recorded()
    {
        var bandit = new ParameterBandit(OneReal, BanditSettings.Default);

        bandit.Record("bull", X(0.1), -1e9);

        Assert.Equal(-5, bandit.CellsOf("bull").Single().Mean);
    }

    [Fact]
    public void A_bandit_restored_from_its_json_state_samples_identically()
    {
        var bandit = new ParameterBandit(Mixed, BanditSettings.Default);
        var rng = new ResearchRandom(6);
        for (var i = 0; i < 40; i++)
        {
            var set = bandit.Sample(i % 2 == 0 ? "bull" : "bear", rng);
            bandit.Record(i % 2 == 0 ? "bull" : "bear", set, set["threshold"] * 2);
        }

        var json = JsonSerializer.Serialize(bandit.State);
        var restored = ParameterBandit.FromState(JsonSerializer.Deserialize<BanditState>(json)!, Mixed, BanditSettings.Default);
        var a = new ResearchRandom(7);
        var b = new ResearchRandom(7);

        Assert.Equal(bandit.State.Cells, restored.State.Cells);
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => bandit.Sample("bull", a)), Enumerable.Range(0, 50).Select(_ => restored.Sample("bull", b)));
    }

    [Fact]
    public void A_state_from_another_grid_is_refused_naming_the_region()
    {
        var state = new BanditState([new BanditCell("bull", "x=7", 1, 1, 1)]);

        var error = Assert.Throws<ArgumentException>(() => ParameterBandit.FromState(state, OneReal, BanditSettings.Default with { BinsPerParameter = 4 }));

        Assert.Contains("Region \"x=7\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_reward_is_refused()
    {
        var bandit = new ParameterBandit(OneReal, BanditSettings.Default);

        Assert.Throws<ArgumentOutOfRangeException>(() => bandit.Record("bull", X(0.5), double.NaN));
    }

    [Fact]
    public void An_explore_share_above_one_is_refused_naming_the_key()
    {
        var error = Assert.Throws<ArgumentException>(() => new ParameterBandit(OneReal, BanditSettings.Default with { ExploreShare = 1.5 }));

        Assert.Contains("explore-share is 1.5", error.Message, StringComparison.Ordinal);
    }
}
