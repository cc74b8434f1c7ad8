using System.Text.Json;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Settings;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Actors;
using Xunit.Abstractions;

namespace ActorTrader.Research.Tests.Acceptance;

/// <summary>
/// Acceptance: a node killed in the middle of a generation and started again on the same SQLite journal continues the same
/// run and ends with exactly the results of an uninterrupted run with the same seed.
/// </summary>
public sealed class CrashResumeAcceptanceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly ScratchDirectory _dir = new("research-crash");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_run_killed_mid_generation_and_resumed_from_the_journal_matches_an_uninterrupted_run_bit_for_bit()
    {
        // Snapshots every two generations: the resumed node recovers through a snapshot and the events after it.
        var settings = Settings();
        var evaluators = new WalkForwardEvaluatorFactory(FitnessSettings.Default);

        List<GenerationOutcome> uninterrupted;
        await using (var node = await ResearchNode.StartAsync(_dir.File("uninterrupted.db"), settings, evaluators))
        {
            var started = await node.Query<ResearchStarted>(new StartResearch(), Timeout);
            await node.Query<ResearchStatus>(WhenResearchIdle.Instance, Timeout);
            uninterrupted = await ReadOutcomes(node, started.Runs[0].RunId);
        }

        var gate = new GatedEvaluatorFactory(evaluators, passing: 30);
        string runId;
        int beforeKill;
        await using (var doomed = await ResearchNode.StartAsync(_dir.File("killed.db"), settings, gate))
        {
            runId = (await doomed.Query<ResearchStarted>(new StartResearch(), Timeout)).Runs[0].RunId;
            await gate.Holding.Task.WaitAsync(Timeout);
            beforeKill = (await ReadOutcomes(doomed, runId)).Count;
        }
        await using (var resumed = await ResearchNode.StartAsync(_dir.File("killed.db"), settings, evaluators))
        {
            var again = await resumed.Query<ResearchStarted>(new StartResearch(), Timeout);
            await resumed.Query<ResearchStatus>(WhenResearchIdle.Instance, Timeout);
            Assert.Equal(runId, again.Runs[0].RunId);
            Assert.False(again.Runs[0].New);
            var afterResume = await ReadOutcomes(resumed, runId);

            output.WriteLine($"killed during generation {beforeKill} of {settings.Generations}; resumed and completed {afterResume.Count} generations");
            Assert.InRange(beforeKill, 1, settings.Generations - 1);
            Assert.Equal(uninterrupted.Count, afterResume.Count);
            Assert.Equal(uninterrupted.Select(Json), afterResume.Select(Json));
        }
    }

    private static ResearchSettings Settings() =>
        ResearchSettings.Default with
        {
            Strategies = [PlantedMarket.StrategyName],
            Generations = 6,
            Parallelism = 2,
            SnapshotEvery = 2,
            Breeding = ResearchSettings.Default.Breeding with { PopulationSize = 12 },
            Stagnation = ResearchSettings.Default.Stagnation with { Generations = 2 },
            Window = Research.Scheduling.ResearchWindow.AlwaysOpen,
            Promotion = ResearchSettings.Default.Promotion with { CandidateMinFitness = 1e6 },
            Data = ResearchSettings.Default.Data with { Source = ResearchDataSourceKind.Planted, InSampleFraction = PlantedMarket.InSampleFraction },
        };

    private static async Task<List<GenerationOutcome>> ReadOutcomes(ResearchNode node, string runId)
    {
        var outcomes = new List<GenerationOutcome>();
        await foreach (var envelope in Persistence.Persistence.Get(node.System).ReadJournal.CurrentEventsByPersistenceId(
            PopulationActor.PersistenceIdOf(PlantedMarket.StrategyName, runId)))
        {
            if (envelope.Event is GenerationCompleted completed) outcomes.Add(completed.Outcome);
        }
        return outcomes;
    }

    // Doubles are written shortest round-trip, so equal text is equal bits.
    private static string Json(GenerationOutcome outcome) => JsonSerializer.Serialize(outcome);
}
