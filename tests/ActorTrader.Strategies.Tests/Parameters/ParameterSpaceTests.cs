using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.FactorMomentum;
using ActorTrader.Strategies.GapFill;
using ActorTrader.Strategies.MeanReversion;
using ActorTrader.Strategies.Pairs;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.QualitySmallCapValue;
using ActorTrader.Strategies.RelativeVolumeBreakout;
using ActorTrader.Strategies.SectorRotation;
using ActorTrader.Strategies.TrendFollowing;
using ActorTrader.Strategies.VixRegimeRotation;
using ActorTrader.Strategies.VolManagedMomentum;

namespace ActorTrader.Strategies.Tests.Parameters;

public sealed class ParameterSpaceTests
{
    public static TheoryData<string> Names() => new(StrategyCatalog.Default.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_space_validates_its_own_defaults(string name)
    {
        var space = StrategyCatalog.Default.Get(name).Parameters;

        Assert.Empty(space.Problems(space.Defaults()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parameter_names_are_snake_case(string name)
    {
        Assert.All(StrategyCatalog.Default.Get(name).Parameters.Ranges, r => Assert.Matches("^[a-z][a-z0-9_]*$", r.Name));
    }

    [Fact]
    public void Typed_records_round_trip_through_parameter_sets()
    {
        RoundTrips<MeanReversionParameters>();
        RoundTrips<VolManagedMomentumParameters>();
        RoundTrips<RelativeVolumeBreakoutParameters>();
        RoundTrips<GapFillParameters>();
        RoundTrips<VixRegimeRotationParameters>();
        RoundTrips<FactorMomentumParameters>();
        RoundTrips<SectorRotationParameters>();
        RoundTrips<QualitySmallCapValueParameters>();
        RoundTrips<PairsParameters>();
        RoundTrips<TrendFollowingParameters>();
    }

    [Fact]
    public void Every_strategy_evaluates_with_sampled_genomes_from_its_space()
    {
        var panel = Support.SyntheticMarket.Daily(seed: 9, bars: 320, withVix: true, withFundamentals: true);
        var random = new Random(17);
        foreach (var strategy in StrategyCatalog.Default.All.Where(s => s.Name != "gap_fill"))
        {
            for (var k = 0; k < 5; k++)
            {
                var genome = Sample(strategy.Parameters, random);
                var set = strategy.Evaluate(panel.AsOf(panel.TimeCount - 1), genome);
                Assert.All(set.Signals, s => Assert.InRange(s.Target, -1, 1));
            }
        }
    }

    [Fact]
    public void A_set_with_an_unknown_or_out_of_range_value_is_refused_naming_it()
    {
        var strategy = StrategyCatalog.Default.Get("mean_reversion");
        var set = strategy.Parameters.Defaults().With("z_window", 500).With("z_windw", 3);

        var error = Assert.Throws<ArgumentException>(() => strategy.Evaluate(Support.SyntheticMarket.Daily(1, 30).AsOf(29), set));

        Assert.Contains("z_window", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown parameter z_windw", error.Message, StringComparison.Ordinal);
    }

    // Defaults and five random valid genomes come back unchanged through the typed record.
    private static void RoundTrips<T>() where T : IStrategyParameters<T>
    {
        var random = new Random(typeof(T).Name.Length);
        var sets = new List<ParameterSet> { T.Space.Defaults() };
        for (var k = 0; k < 5; k++) sets.Add(Sample(T.Space, random));
        foreach (var set in sets) Assert.Equal(set, T.From(set).ToSet());
    }

    private static ParameterSet Sample(ParameterSpace space, Random random) =>
        new(space.Ranges.Select(r => KeyValuePair.Create(r.Name, r.Clamp(r.Min + (r.Max - r.Min) * random.NextDouble()))));
}
