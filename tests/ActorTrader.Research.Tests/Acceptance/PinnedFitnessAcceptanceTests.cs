using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Actors;

namespace ActorTrader.Research.Tests.Acceptance;

/// <summary>
/// Acceptance: the window is pinned for the run, so a genome evaluated again in a later generation (elites are carried and
/// re-evaluated) gets bit-identical fitness, and so does a separate evaluator built on the same data.
/// </summary>
public sealed class PinnedFitnessAcceptanceTests : ResearchTestKit
{
    [Fact]
    public async Task The_same_genome_gets_bit_identical_fitness_in_every_generation_it_appears_in()
    {
        var supervisor = StartSupervisor(Small(population: 10, generations: 5), Services());

        var status = await RunToIdle(supervisor);
        var outcomes = await OutcomesAsync(Breakout, status.Populations[0].RunId!);

        var repeated = outcomes
            .SelectMany(o => o.Individuals.Select(i => (o.Generation, Individual: i)))
            .GroupBy(x => GenerationBreeding.Text(x.Individual))
            .Where(g => g.Select(x => x.Generation).Distinct().Count() > 1)
            .ToList();
        var fresh = PlantedMarket.Create(seed: 1).Evaluator;
        Assert.NotEmpty(repeated);
        foreach (var genome in repeated)
        {
            var expected = fresh.Evaluate(GenomeOf(genome.First().Individual));
            Assert.All(genome, x =>
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Fitness), BitConverter.DoubleToInt64Bits(x.Individual.Fitness));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Sharpe), BitConverter.DoubleToInt64Bits(x.Individual.Sharpe));
                Assert.Equal(expected.Trades, x.Individual.Trades);
                Assert.Equal(expected.Behaviour.Select(BitConverter.DoubleToInt64Bits), x.Individual.Behaviour.Select(BitConverter.DoubleToInt64Bits));
            });
        }
    }
}
