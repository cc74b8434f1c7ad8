using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using FsCheck.Fluent;

namespace ActorTrader.Research.Tests.Genetics;

public sealed class AdaptiveMutationTests
{
    private static readonly BreedingSettings Settings = BreedingSettings.Default with
    {
        MutationRateInitial = 0.1, MutationRateMin = 0.02, MutationRateMax = 0.4, MutationRateFactor = 2, DiversityFloor = 0.05,
    };

    [Fact]
    public void Without_improvement_the_rate_rises()
    {
        Assert.Equal(0.2, AdaptiveMutation.NextRate(0.1, 0.2, improved: false, Settings), 12);
    }

    [Fact]
    public void With_improvement_in_a_diverse_population_the_rate_falls()
    {
        Assert.Equal(0.05, AdaptiveMutation.NextRate(0.1, 0.2, improved: true, Settings), 12);
    }

    [Fact]
    public void A_collapsed_population_raises_the_rate_even_when_it_improved()
    {
        Assert.Equal(0.2, AdaptiveMutation.NextRate(0.1, 0.01, improved: true, Settings), 12);
    }

    [Fact]
    public void The_rate_never_leaves_its_bounds()
    {
        var inputs = Gen.Choose(-1000, 2000).Select(r => r / 1000.0).Zip(Gen.Choose(0, 500).Select(d => d / 1000.0)).Zip(Gen.Elements(true, false));

        PropertyCheck.Holds(inputs, input =>
        {
            var ((rate, diversity), improved) = input;
            var next = AdaptiveMutation.NextRate(rate, diversity, improved, Settings);
            return next >= Settings.MutationRateMin && next <= Settings.MutationRateMax;
        }, tests: 300);
    }

    [Fact]
    public void Repeated_stagnation_saturates_at_the_maximum_and_repeated_progress_at_the_minimum()
    {
        var up = 0.1;
        var down = 0.1;
        for (var i = 0; i < 20; i++)
        {
            up = AdaptiveMutation.NextRate(up, 0.3, improved: false, Settings);
            down = AdaptiveMutation.NextRate(down, 0.3, improved: true, Settings);
        }

        Assert.Equal((0.4, 0.02), (up, down));
    }

    [Fact]
    public void A_non_finite_rate_restarts_from_the_initial_rate()
    {
        Assert.Equal(0.2, AdaptiveMutation.NextRate(double.NaN, 0.3, improved: false, Settings), 12);
    }

    [Fact]
    public void Diversity_is_zero_for_identical_genomes_and_grows_with_spread()
    {
        var breeder = TestGenomes.Breeder();
        var one = breeder.Initial(1, new ResearchRandom(1))[0];

        var identical = PopulationDiversity.Of([one, one, one], TestGenomes.Mixed);
        var spread = PopulationDiversity.Of(breeder.Initial(200, new ResearchRandom(2)), TestGenomes.Mixed);

        Assert.Equal(0, identical, 12);
        Assert.InRange(spread, 0.25, 0.5);
    }
}
