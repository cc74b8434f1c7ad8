using System.Text;
using System.Text.RegularExpressions;
using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Memory;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Actors;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Research.Tests.Acceptance;

/// <summary>
/// Acceptance, bad input: a genome outside its strategy's ranges is rejected (also when it comes back from a journal: the
/// population refuses to recover rather than breed from it), and a strategy whose backtest throws only costs the genomes
/// concerned their fitness — the population goes on to the end of its run.
/// </summary>
public sealed class BadInputAcceptanceTests() : ResearchTestKit(inMemory: false)
{
    private static readonly IStrategy Planted = StrategyCatalog.Default.Get(PlantedMarket.StrategyName);

    [Fact]
    public void A_genome_outside_its_ranges_is_rejected_naming_the_parameter_and_its_range()
    {
        var outside = PlantedMarket.PlantedParameters.With("hold_bars", 100_000);

        var error = Assert.Throws<GenomeOutOfRangeException>(() => Genome.Create(Planted.Name, outside, Planted.Parameters));

        Assert.Contains("hold_bars", error.Message);
        Assert.Contains("100000", error.Message);
    }

    [Fact]
    public async Task A_journaled_genome_outside_its_ranges_stops_the_population_instead_of_breeding_from_it()
    {
        var (supervisor, runId) = await StartOnJournalWithAnOutOfRangeGenome();
        var alert = await Alerts.ExpectMsgAsync<PersistenceAlert>();
        var status = await Query<ResearchStatus>(supervisor, GetResearchStatus.Instance);

        Assert.Equal(PopulationActor.PersistenceIdOf(Breakout, runId), alert.PersistenceId);
        Assert.Contains("hold_bars", alert.Reason);
        Assert.Equal(PopulationPhase.Failed, Assert.Single(status.Populations).Phase);
    }

    [Fact]
    public async Task A_population_whose_journal_cannot_be_recovered_says_why_in_the_research_status()
    {
        // The CLI runs research without a node's error log: the status is the only place an operator can read the cause.
        var (supervisor, _) = await StartOnJournalWithAnOutOfRangeGenome();
        await Alerts.ExpectMsgAsync<PersistenceAlert>();

        var status = await Query<ResearchStatus>(supervisor, GetResearchStatus.Instance);

        var population = Assert.Single(status.Populations);
        Assert.Equal(PopulationPhase.Failed, population.Phase);
        Assert.Contains("hold_bars", population.Error);
        Assert.Contains("100000", population.Error);
    }

    [Fact]
    public async Task Genomes_whose_backtest_throws_score_worst_with_the_reason_and_the_population_completes_its_run()
    {
        InstallInMemory();
        var catalog = new StrategyCatalog([new FragileStrategy(Planted, throwAboveHold: 30)]);
        var supervisor = StartSupervisor(Small(population: 16, generations: 3), Services(catalog: catalog));

        var status = await RunToIdle(supervisor);
        var outcomes = await OutcomesAsync(Breakout, status.Populations[0].RunId!);

        var individuals = outcomes.SelectMany(o => o.Individuals).ToList();
        Assert.Equal(PopulationPhase.Completed, status.Populations[0].Phase);
        Assert.Equal(3, outcomes.Count);
        Assert.Contains(individuals, i => i.Parameters["hold_bars"] > 30 && i.Reason!.Contains("threw InvalidOperationException: hold_bars", StringComparison.Ordinal) && i.Reason.Contains("overflows the order book", StringComparison.Ordinal));
        Assert.All(individuals.Where(i => i.Parameters["hold_bars"] > 30), i => Assert.Equal(FitnessResult.WorstFitness, i.Adjusted));
        Assert.Contains(individuals, i => i.Parameters["hold_bars"] <= 30 && !i.IsWorst);
    }

    [Fact]
    public async Task A_strategy_that_always_throws_leaves_its_population_at_the_worst_fitness_and_it_still_completes()
    {
        InstallInMemory();
        var catalog = new StrategyCatalog([new FragileStrategy(Planted, throwAboveHold: 0)]);
        var supervisor = StartSupervisor(Small(population: 6, generations: 3), Services(catalog: catalog));

        var status = await RunToIdle(supervisor);

        var population = Assert.Single(status.Populations);
        Assert.Equal(PopulationPhase.Completed, population.Phase);
        Assert.Equal(3, population.Generations);
        Assert.Equal(FitnessResult.WorstFitness, population.BestEver);
    }

    /// <summary>A finished run whose first journaled generation holds hold_bars = 100000, and a supervisor started over it.</summary>
    private async Task<(IActorRef Supervisor, string RunId)> StartOnJournalWithAnOutOfRangeGenome()
    {
        var storage = new MemoryStorage();
        string runId;
        await using (var node = await ResearchNode.StartAsync(PersistenceStores.InMemory(storage), Small(population: 6, generations: 1)))
        {
            runId = (await node.Query<ResearchStarted>(new StartResearch(), RunTimeout)).Runs[0].RunId;
            await node.Query<ResearchStatus>(WhenResearchIdle.Instance, RunTimeout);
        }
        var source = PersistenceStores.InMemory(storage);
        var tampered = PersistenceStores.InMemory(new MemoryStorage());
        await tampered.StartAsync();
        await Copy(source, tampered, ResearchSupervisor.SupervisorPersistenceId, null);
        await Copy(source, tampered, PopulationActor.PersistenceIdOf(Breakout, runId),
            json => new Regex("\"hold_bars\":[0-9.]+").Replace(json, "\"hold_bars\":100000", 1));
        Install(tampered);
        return (StartSupervisor(Small(population: 6, generations: 2), Services()), runId);
    }

    private static async Task Copy(PersistenceStores from, PersistenceStores to, string persistenceId, Func<string, string>? change)
    {
        var rows = new List<PersistentRepr>();
        var changed = false;
        await foreach (var row in from.Query.CurrentEventsByPersistenceIdAsync(persistenceId, 0, long.MaxValue))
        {
            if (change is null || changed || row.Manifest != "research-generation-completed")
            {
                rows.Add(row with { Ordering = 0 });
                continue;
            }
            rows.Add(row with { Ordering = 0, Payload = Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(row.Payload))) });
            changed = true;
        }
        Assert.True(change is null || changed, $"no generation of {persistenceId} to change");
        await to.Journal.WriteAsync(rows);
    }

    /// <summary>The planted strategy, except that its backtest throws when hold_bars is above a limit.</summary>
    private sealed class FragileStrategy(IStrategy inner, double throwAboveHold) : IStrategy
    {
        public string Name => inner.Name;

        public string Description => inner.Description;

        public StrategyRequirements Requirements => inner.Requirements;

        public ParameterSpace Parameters => inner.Parameters;

        public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) =>
            parameters["hold_bars"] > throwAboveHold
                ? throw new InvalidOperationException($"hold_bars {parameters["hold_bars"]} overflows the order book")
                : inner.Evaluate(panel, parameters);
    }
}
