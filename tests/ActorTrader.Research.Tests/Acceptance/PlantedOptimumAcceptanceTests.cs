using System.Globalization;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Actors;
using Xunit.Abstractions;

namespace ActorTrader.Research.Tests.Acceptance;

/// <summary>
/// Acceptance: on the seeded planted market the research actors (supervisor, population, local backend, walk-forward
/// fitness) find the planted region — best fitness within 5% of the planted optimum — in a bounded number of generations.
/// </summary>
public sealed class PlantedOptimumAcceptanceTests(ITestOutputHelper output) : ResearchTestKit
{
    /// <summary>The bound: the run may use at most this many generations of 24 genomes.</summary>
    private const int GenerationBound = 20;

    [Fact]
    public async Task The_population_finds_the_planted_optimum_within_five_percent_in_a_bounded_number_of_generations()
    {
        var market = PlantedMarket.Create(seed: 1);
        var progress = CreateTestProbe();
        Sys.EventStream.Subscribe(progress.Ref, typeof(PopulationProgress));
        var supervisor = StartSupervisor(Small(population: 24, generations: GenerationBound), Services());

        await Query<ResearchStarted>(supervisor, new StartResearch());
        // Stop as soon as the region is found (or the bound is spent): the rest of the run proves nothing more.
        var last = await progress.FishForMessageAsync<PopulationProgress>(
            p => p.Status.BestEver is { } best && market.Optimum.IsReachedBy(best) || p.Status.Phase is PopulationPhase.Completed or PopulationPhase.Failed, RunTimeout);
        await Query<ResearchPaused>(supervisor, new PauseResearch("found"));
        var history = await HistoryOf(supervisor, Breakout);

        var reached = history.Generations.FirstOrDefault(g => market.Optimum.IsReachedBy(g.BestEver));
        var best = history.Generations.Count == 0 ? double.NaN : history.Generations[^1].BestEver;
        var gap = (market.Optimum.Fitness - best) / Math.Abs(market.Optimum.Fitness);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"planted optimum {market.Optimum.Fitness:0.####}; best found {best:0.####} (gap {gap:P2}); within 5% after {(reached is null ? "no" : (reached.Generation + 1).ToString(CultureInfo.InvariantCulture))} generation(s) of the bound {GenerationBound} ({reached?.Evaluations ?? 0} evaluations); status {last.Status.Phase} {last.Status.Error}"));
        Assert.NotNull(reached);
        Assert.True(reached.Generation < GenerationBound);
    }
}
