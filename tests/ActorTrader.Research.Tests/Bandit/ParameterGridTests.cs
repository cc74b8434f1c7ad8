using ActorTrader.Research.Bandit;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Tests.Bandit;

public sealed class ParameterGridTests
{
    private static readonly ParameterSpace Mixed = new([
        ParameterRange.Real("threshold", -1, 1, 0, ""),
        ParameterRange.WholeNumber("lookback", 5, 60, 20, ""),
        ParameterRange.Boolean("allow_short", false, ""),
        ParameterRange.Choice("mode", ["fast", "slow", "both"], "fast", ""),
    ]);

    [Fact]
    public void A_sample_from_a_region_falls_back_into_that_region()
    {
        var grid = new ParameterGrid(Mixed, 4);
        var rng = new ResearchRandom(5);

        for (var i = 0; i < 500; i++)
        {
            var set = GeneticOperators.RandomSet(Mixed, rng);
            var region = grid.RegionOf(set);
            Assert.Equal(region, grid.RegionOf(grid.SampleIn(region, rng)));
        }
    }

    [Fact]
    public void Region_keys_name_each_parameter_and_its_bin_in_name_order()
    {
        var grid = new ParameterGrid(Mixed, 4);
        var set = Mixed.Defaults().With("threshold", 0.9).With("lookback", 5).With("mode", 2);

        Assert.Equal("allow_short=0,lookback=0,mode=2,threshold=3", grid.RegionOf(set));
    }

    [Fact]
    public void Whole_number_bins_split_the_values_evenly()
    {
        var space = new ParameterSpace([ParameterRange.WholeNumber("n", 1, 10, 1, "")]);
        var grid = new ParameterGrid(space, 3);

        var bins = Enumerable.Range(1, 10).Select(n => grid.RegionOf(new ParameterSet([KeyValuePair.Create("n", (double)n)]))).ToArray();

        Assert.Equal(["n=0", "n=0", "n=0", "n=0", "n=1", "n=1", "n=1", "n=2", "n=2", "n=2"], bins);
    }

    [Fact]
    public void A_region_key_with_an_unknown_parameter_is_refused_naming_the_part()
    {
        var grid = new ParameterGrid(Mixed, 4);

        var error = Assert.Throws<ArgumentException>(() => grid.Parse("allow_short=0,lookback=0,mood=2,threshold=3"));

        Assert.Contains("part \"mood=2\" should be mode=<bin 0..2>", error.Message, StringComparison.Ordinal);
    }
}
