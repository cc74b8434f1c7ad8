using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Settings;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Streams;
using ActorTrader.TestKit;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// Research actors on virtual time (so journaled timestamps are fixed) with in-memory persistence unless a test installs
/// its own stores. Requests go through probes with real-time timeouts: an ask would time out on the virtual clock.
/// </summary>
public abstract class ResearchTestKit : TestKit.TestKit
{
    /// <summary>Long enough for a few generations of the planted market on a loaded 2-core machine.</summary>
    protected static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    protected ResearchTestKit(bool inMemory = true, TestKitSettings? settings = null)
        : base(settings ?? new TestKitSettings { VirtualTime = true, DefaultTimeout = TimeSpan.FromSeconds(10) })
    {
        Alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(Alerts.Ref, typeof(PersistenceAlert));
        if (inMemory) InstallInMemory();
    }

    protected TestProbe Alerts { get; }

    protected static string Breakout => PlantedMarket.StrategyName;

    protected void InstallInMemory() => Install(PersistenceStores.InMemory(new MemoryStorage()));

    protected void Install(PersistenceStores stores) =>
        Persistence.Persistence.Install(Sys, new PersistenceSetup(stores, ResearchEvents.Register(new EventSerializer())));

    /// <summary>Small, fast settings for the planted market: one strategy, no window, low candidate bar off.</summary>
    protected static ResearchSettings Small(int population = 12, int generations = 4, int k = 5, double candidateMinFitness = 1e6) =>
        ResearchSettings.Default with
        {
            Strategies = [Breakout],
            Generations = generations,
            Parallelism = 2,
            Breeding = ResearchSettings.Default.Breeding with { PopulationSize = population },
            Stagnation = ResearchSettings.Default.Stagnation with { Generations = k },
            Window = Research.Scheduling.ResearchWindow.AlwaysOpen,
            Promotion = ResearchSettings.Default.Promotion with { CandidateMinFitness = candidateMinFitness },
            Data = ResearchSettings.Default.Data with { Source = ResearchDataSourceKind.Planted, InSampleFraction = PlantedMarket.InSampleFraction },
        };

    protected ResearchServices Services(IResearchDataSource? data = null, IEvaluatorFactory? evaluators = null, StrategyCatalog? catalog = null, int parallelism = 2) =>
        new(catalog ?? StrategyCatalog.Default, data ?? new PlantedDataSource(), evaluators ?? new WalkForwardEvaluatorFactory(FitnessSettings.Default),
            new LocalEvaluationBackend(Sys.Materializer(), parallelism))
        {
            FollowWindow = false,
        };

    protected IActorRef StartSupervisor(ResearchSettings settings, ResearchServices services) =>
        Sys.ActorOf(ResearchSupervisor.CreateProps(settings, services), ResearchSupervisor.ActorName);

    /// <summary>Sends <paramref name="message"/> from a fresh probe and waits (real time) for its answer of type <typeparamref name="T"/>.</summary>
    protected async Task<T> Query<T>(IActorRef target, object message, TimeSpan? timeout = null)
    {
        var probe = CreateTestProbe();
        probe.Send(target, message);
        return await probe.ExpectMsgAsync<T>(timeout ?? DefaultTimeout);
    }

    /// <summary>Starts research and waits until no population is loading or evolving.</summary>
    protected async Task<ResearchStatus> RunToIdle(IActorRef supervisor, StartResearch? start = null)
    {
        await Query<ResearchStarted>(supervisor, start ?? new StartResearch());
        return await Query<ResearchStatus>(supervisor, WhenResearchIdle.Instance, RunTimeout);
    }

    protected async Task<PopulationHistory> HistoryOf(IActorRef supervisor, string strategy) =>
        await Query<PopulationHistory>(supervisor, new GetResearchHistory(strategy));

    /// <summary>Every journaled generation outcome of <paramref name="strategy"/>'s run <paramref name="runId"/>, in order.</summary>
    protected Task<List<GenerationOutcome>> OutcomesAsync(string strategy, string runId) => OutcomesAsync(Sys, strategy, runId);

    protected static async Task<List<GenerationOutcome>> OutcomesAsync(ActorSystem system, string strategy, string runId)
    {
        var outcomes = new List<GenerationOutcome>();
        await foreach (var envelope in Persistence.Persistence.Get(system).ReadJournal.CurrentEventsByPersistenceId(PopulationActor.PersistenceIdOf(strategy, runId)))
        {
            if (envelope.Event is GenerationCompleted completed) outcomes.Add(completed.Outcome);
        }
        return outcomes;
    }

    protected static Genome GenomeOf(Individual individual, string strategy = PlantedMarket.StrategyName) =>
        PopulationState.GenomeOf(strategy, individual, StrategyCatalog.Default.Get(strategy).Parameters);
}
