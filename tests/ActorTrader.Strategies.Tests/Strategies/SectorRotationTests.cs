using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.SectorRotation;
using ActorTrader.Strategies.Tests.Support;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

public sealed class SectorRotationTests
{
    private const int Bars = 200;
    private static readonly SectorRotationStrategy Strategy = new();
    private static readonly DateTimeOffset[] Times = MarketTimes.Daily(new DateOnly(2023, 1, 3), Bars);

    // Members of a group = the group's factor path × their own small noise, so they correlate strongly within the group.
    private static double[] Member(double[] factor, Random random) =>
        [.. factor.Select((f, i) => f * Math.Exp(0.002 * Series.Normal(random)))];

    private static (PanelBuilder Builder, string[] Rising, string[] Falling) TwoGroups(double risingDrift = 0.002)
    {
        var random = new Random(11);
        var up = Series.RandomWalk(random, Bars, 100, risingDrift, 0.01);
        var down = Series.RandomWalk(random, Bars, 100, -0.002, 0.01);
        string[] rising = ["NYSE:UP1", "NYSE:UP2", "NYSE:UP3"];
        string[] falling = ["NYSE:DN1", "NYSE:DN2", "NYSE:DN3"];
        var builder = new PanelBuilder(Times, Timeframe.Day1);
        foreach (var s in rising) builder.Add(s, Member(up, random));
        foreach (var s in falling) builder.Add(s, Member(down, random));
        return (builder, rising, falling);
    }

    [Fact]
    public void With_sectors_the_best_sector_is_held_equally()
    {
        var (builder, rising, falling) = TwoGroups();
        foreach (var s in rising) builder.Fundamentals(s, new FundamentalData(Times[0], Sector: "Technology"));
        foreach (var s in falling) builder.Fundamentals(s, new FundamentalData(Times[0], Sector: "Energy"));

        var set = EvaluateLast(Strategy, builder.Build(), new() { ["top_groups"] = 1 });

        Assert.Equal(rising.Order().ToDictionary(s => s, _ => 1.0 / 3), Targets(set));
        Assert.StartsWith("sectors from fundamentals: 2 group(s); held: Technology", Assert.Single(set.Events).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_sectors_correlation_clusters_find_the_rising_group()
    {
        var (builder, rising, _) = TwoGroups();

        var set = EvaluateLast(Strategy, builder.Build(), new() { ["top_groups"] = 1, ["clusters"] = 2 });

        Assert.Equal(rising.Order().ToDictionary(s => s, _ => 1.0 / 3), Targets(set));
        Assert.StartsWith("correlation clusters (average linkage", Assert.Single(set.Events).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_group_is_held_when_every_group_is_below_the_momentum_floor()
    {
        var (builder, _, _) = TwoGroups(risingDrift: -0.002);

        var set = EvaluateLast(Strategy, builder.Build(), new() { ["clusters"] = 2 });

        Assert.Empty(set.Signals);
    }
}
