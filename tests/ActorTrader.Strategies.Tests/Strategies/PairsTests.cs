using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Pairs;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Tests.Support;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

public sealed class PairsTests
{
    private const int Bars = 300;
    private static readonly PairsStrategy Strategy = new();

    /// <summary>log AAA = 0.2 + 1.5·log BBB + e, e a stationary AR(1) with σ 0.5%; the last bar's e is set to <paramref name="lastShock"/>.</summary>
    private static BarPanel Cointegrated(int seed, double lastShock)
    {
        var random = new Random(seed);
        var x = Series.RandomWalk(random, Bars, 50, 0.0002, 0.015);
        var y = new double[Bars];
        var e = 0.0;
        for (var i = 0; i < Bars; i++)
        {
            e = i == Bars - 1 ? lastShock : 0.5 * e + 0.005 * Series.Normal(random);
            y[i] = Math.Exp(0.2 + 1.5 * Math.Log(x[i]) + e);
        }
        return new PanelBuilder(MarketTimes.Daily(new DateOnly(2023, 1, 3), Bars), Timeframe.Day1).Add("NYSE:AAA", y).Add("NYSE:BBB", x).Build();
    }

    private static BarPanel Independent(int seed)
    {
        var random = new Random(seed);
        return new PanelBuilder(MarketTimes.Daily(new DateOnly(2023, 1, 3), Bars), Timeframe.Day1)
            .Add("NYSE:AAA", Series.RandomWalk(random, Bars, 50, 0, 0.015))
            .Add("NYSE:BBB", Series.RandomWalk(random, Bars, 50, 0, 0.015))
            .Build();
    }

    [Fact]
    public void A_rich_spread_shorts_the_first_leg_and_buys_the_second()
    {
        var set = EvaluateLast(Strategy, Cointegrated(seed: 5, lastShock: 0.04));

        Assert.True(Target(set, "NYSE:AAA") < 0 && Target(set, "NYSE:BBB") > 0, string.Join("; ", set.Signals));
    }

    [Fact]
    public void A_cheap_spread_buys_the_first_leg_and_shorts_the_second()
    {
        var set = EvaluateLast(Strategy, Cointegrated(seed: 5, lastShock: -0.04));

        Assert.True(Target(set, "NYSE:AAA") > 0 && Target(set, "NYSE:BBB") < 0, string.Join("; ", set.Signals));
    }

    [Fact]
    public void The_legs_are_split_by_the_hedge_ratio_within_the_pairs_share()
    {
        var set = EvaluateLast(Strategy, Cointegrated(seed: 5, lastShock: 0.04));

        var (y, x) = (Target(set, "NYSE:AAA"), Target(set, "NYSE:BBB"));
        // |y| + |x| = 1/max_pairs (default 3); x/|y| = β, close to the 1.5 the pair was built with.
        Assert.Equal(1.0 / 3, Math.Abs(y) + Math.Abs(x), 12);
        Assert.InRange(x / -y, 1.4, 1.6);
    }

    [Fact]
    public void A_cointegrated_pair_inside_its_band_is_found_but_not_traded()
    {
        var set = EvaluateLast(Strategy, Cointegrated(seed: 5, lastShock: 0.0));

        Assert.Empty(set.Signals);
        Assert.EndsWith("; flat", Assert.Single(set.Events).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Independent_random_walks_are_rarely_mistaken_for_a_pair()
    {
        // At the 5% level about 5 in 100 independent pairs pass by chance; more than 10 would mean a wrong critical value.
        var detected = Enumerable.Range(100, 100).Count(seed => EvaluateLast(Strategy, Independent(seed)).Events.Count > 0);

        Assert.InRange(detected, 0, 10);
    }

    [Fact]
    public void Independent_random_walks_that_fail_the_test_are_not_traded_even_far_apart()
    {
        var set = EvaluateLast(Strategy, Independent(21), new() { ["entry_z"] = 1.0 });

        Assert.Empty(set.Events);
        Assert.Empty(set.Signals);
    }

    [Fact]
    public void Cointegrated_pairs_are_found_whatever_the_seed()
    {
        var found = Enumerable.Range(300, 20).Count(seed => EvaluateLast(Strategy, Cointegrated(seed, lastShock: 0)).Events.Count > 0);

        Assert.Equal(20, found);
    }
}
