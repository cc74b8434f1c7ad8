using ActorTrader.Research.Fitness;
using ActorTrader.Research.Novelty;

namespace ActorTrader.Research.Tests.Novelty;

public sealed class NoveltyBlendTests
{
    [Fact]
    public void Percentile_ranks_run_from_zero_to_one_and_ties_share_their_mean_rank()
    {
        Assert.Equal([0.0, 0.5, 0.5, 1.0], NoveltyBlend.PercentileRanks([-3, 7, 7, 100]));
    }

    [Fact]
    public void The_blend_mixes_ranks_with_the_weight()
    {
        var scores = NoveltyBlend.Combine([1.0, 2.0, 3.0], [30.0, 20.0, 10.0], weight: 0.3);

        Assert.Equal([0.3, 0.5, 0.7], scores.Select(s => Math.Round(s, 12)));
    }

    [Fact]
    public void A_weight_of_zero_orders_by_fitness_alone()
    {
        var scores = NoveltyBlend.Combine([0.5, 2.0, 1.0], [9.0, 0.0, 4.0], weight: 0);

        Assert.Equal([0, 2, 1], scores.Select((s, i) => (s, i)).OrderBy(p => p.s).Select(p => p.i));
    }

    [Fact]
    public void Failed_genomes_stay_worst_however_novel_they_are()
    {
        var scores = NoveltyBlend.Combine([FitnessResult.WorstFitness, 0.1, double.NaN, 0.2], [1000.0, 0.0, 1000.0, 0.0], weight: 1);

        Assert.Equal(FitnessResult.WorstFitness, scores[0]);
        Assert.Equal(FitnessResult.WorstFitness, scores[2]);
        Assert.InRange(scores[1], 0, 1);
    }

    [Fact]
    public void One_failure_does_not_compress_the_others()
    {
        var without = NoveltyBlend.Combine([1.0, 2.0], [1.0, 2.0]);
        var with = NoveltyBlend.Combine([1.0, 2.0, FitnessResult.WorstFitness], [1.0, 2.0, 0.0]);

        Assert.Equal(without, with.Take(2));
    }

    [Fact]
    public void Lists_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NoveltyBlend.Combine([1.0], [1.0, 2.0]));
    }

    [Fact]
    public void A_weight_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NoveltyBlend.Combine(0.5, 0.5, 1.5));
    }
}
