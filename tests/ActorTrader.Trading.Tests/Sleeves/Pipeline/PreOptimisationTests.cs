using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class PreOptimisationTests
{
    private const int Periods = 200;
    private static readonly ReturnAxis Axis = Streams.Axis(Periods, "AAA", "BBB", "CCC", "DDD");
    private static readonly Dictionary<string, double> NoAllocations = new(StringComparer.Ordinal);

    private static SleeveLeg Leg(string ticker, double[] returns, CandidateDirection direction = CandidateDirection.Long, int first = 0, string strategy = "s") =>
        new(Streams.Candidate(strategy, ticker, direction, returns, first), returns);

    private static double[] Shift(double[] values, double by) => [.. values.Select(v => v + by)];

    [Fact]
    public void Of_a_correlated_cluster_only_the_best_legs_by_Sharpe_are_kept()
    {
        var common = Streams.Noise(Periods, 1);
        var better = Leg("AAA", Shift(common, 0.002));
        var worse = Leg("BBB", common);
        var independent = Leg("CCC", Streams.Noise(Periods, 2));

        var result = PreOptimisation.Apply([better, worse, independent], Axis, new PreOptimisationSettings(0.9, 1, 1, 1, 1), 1, NoAllocations);

        Assert.Equal([better.Id, independent.Id], result.Kept.Select(l => l.Id));
        var dropped = Assert.Single(result.Excluded);
        Assert.Equal(worse.Id, dropped.Id);
        Assert.Contains("max-per-cluster = 1", dropped.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Audit!.Clusters.Count);
    }

    [Fact]
    public void Below_the_correlation_threshold_legs_stay_in_clusters_of_their_own()
    {
        var legs = new[] { Leg("AAA", Streams.Noise(Periods, 1)), Leg("BBB", Streams.Noise(Periods, 2)), Leg("CCC", Streams.Noise(Periods, 3)) };

        var result = PreOptimisation.Apply(legs, Axis, new PreOptimisationSettings(0.9, 1, 1, 1, 1), 1, NoAllocations);

        Assert.Equal(3, result.Kept.Count);
        Assert.Equal(3, result.Audit!.Clusters.Count);
    }

    [Fact]
    public void The_common_window_starts_at_the_latest_warm_up()
    {
        var early = Leg("AAA", Streams.Noise(Periods, 1), first: 10);
        var late = Leg("BBB", Streams.Noise(Periods, 2), first: 50);

        var result = PreOptimisation.Apply([early, late], Axis, PreOptimisationSettings.Default, 1, NoAllocations);

        Assert.Equal(50, result.WindowStart);
        Assert.Equal(Axis.Dates[50], result.Audit!.WindowStart);
        Assert.Equal(Periods - 50, result.Audit.WindowPeriods);
    }

    [Fact]
    public void A_leg_that_does_not_vary_over_the_common_window_is_dropped()
    {
        var active = Leg("AAA", Streams.Noise(Periods, 1));
        var quiet = new double[Periods];
        quiet[3] = 0.05; // it traded once, before the other leg's warm-up ended
        var late = Leg("BBB", Streams.Noise(Periods, 2), first: 20);

        var result = PreOptimisation.Apply([active, Leg("CCC", quiet), late], Axis, PreOptimisationSettings.Default, 1, NoAllocations);

        Assert.Equal("s:NYSE:CCC:long", Assert.Single(result.Excluded).Id);
        Assert.Equal(2, result.Kept.Count);
    }

    [Fact]
    public void A_short_cap_becomes_a_group_cap_on_the_short_legs()
    {
        var legs = new[]
        {
            Leg("AAA", Streams.Noise(Periods, 1)),
            Leg("BBB", Streams.Noise(Periods, 2), CandidateDirection.Short),
            Leg("CCC", Streams.Noise(Periods, 3)),
            Leg("DDD", Streams.Noise(Periods, 4), CandidateDirection.Short),
        };

        var result = PreOptimisation.Apply(legs, Axis, new PreOptimisationSettings(0.9, 3, 1, 0.3, 1), 1, NoAllocations);

        var (assets, cap) = Assert.Single(result.Constraints.GroupCaps);
        Assert.Equal([1, 3], assets);
        Assert.Equal(0.3, cap);
    }

    [Fact]
    public void A_cluster_cap_that_cannot_hold_is_raised_with_a_note()
    {
        var legs = new[] { Leg("AAA", Streams.Noise(Periods, 1)), Leg("BBB", Streams.Noise(Periods, 2)) };

        var result = PreOptimisation.Apply(legs, Axis, new PreOptimisationSettings(0.9, 3, 0.3, 1, 1), 1, NoAllocations);

        // Two clusters capped at 0.3 hold at most 0.6 of a budget of 1: each cap must be at least 0.5.
        Assert.All(result.Constraints.GroupCaps, g => Assert.Equal(0.5, g.Cap, 9));
        Assert.All(result.Audit!.Constraints.Caps, c => Assert.Contains("raised from 0.3", c.Note, StringComparison.Ordinal));
    }

    [Fact]
    public void A_max_weight_below_one_over_the_leg_count_is_raised_to_it()
    {
        var legs = new[] { Leg("AAA", Streams.Noise(Periods, 1)), Leg("BBB", Streams.Noise(Periods, 2)) };

        var result = PreOptimisation.Apply(legs, Axis, PreOptimisationSettings.Default, 0.2, NoAllocations);

        Assert.Equal(0.5, result.Constraints.UpperBound);
        Assert.NotNull(result.Audit!.Constraints.UpperNote);
    }

    [Fact]
    public void Strategy_allocations_adding_up_to_less_than_one_are_scaled_into_caps_that_fill_the_sleeve()
    {
        var legs = new[]
        {
            Leg("AAA", Streams.Noise(Periods, 1), strategy: "one"), Leg("BBB", Streams.Noise(Periods, 2), strategy: "one"),
            Leg("CCC", Streams.Noise(Periods, 3), strategy: "two"), Leg("DDD", Streams.Noise(Periods, 4), strategy: "two"),
        };
        var allocations = new Dictionary<string, double>(StringComparer.Ordinal) { ["one"] = 0.1, ["two"] = 0.3 };

        var result = PreOptimisation.Apply(legs, Axis, PreOptimisationSettings.Default, 1, allocations);

        Assert.Equal(["0,1 0.25", "2,3 0.75"], result.Constraints.GroupCaps.Select(g => FormattableString.Invariant($"{string.Join(",", g.Assets)} {Math.Round(g.Cap, 12)}")));
    }

    [Fact]
    public void Antifragility_is_reported_for_every_kept_leg()
    {
        var legs = new[] { Leg("AAA", Streams.Noise(Periods, 1)), Leg("BBB", Streams.Noise(Periods, 2)) };

        var result = PreOptimisation.Apply(legs, Axis, PreOptimisationSettings.Default, 1, NoAllocations);

        Assert.Equal(result.Kept.Select(l => l.Id), result.Audit!.Antifragility.Select(a => a.Id));
        Assert.All(result.Audit.Antifragility, a => Assert.True(double.IsFinite(a.Convexity) && a.Error is null));
    }

    [Fact]
    public void No_legs_is_a_failure_not_an_exception()
    {
        var result = PreOptimisation.Apply([], Axis, PreOptimisationSettings.Default, 1, NoAllocations);

        Assert.NotNull(result.Failure);
    }
}
