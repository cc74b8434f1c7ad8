using System.Text.Json;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Tests.Actors;
using Xunit.Abstractions;

namespace ActorTrader.Research.Tests.Acceptance;

/// <summary>
/// Acceptance: a node killed in the middle of a generation of the discovery population and started again on the same
/// SQLite journal continues the same run (rules read back from their journaled text) and ends with exactly the results
/// of an uninterrupted run with the same seed.
/// </summary>
public sealed class DiscoveryCrashResumeAcceptanceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly ScratchDirectory _dir = new("discovery-crash");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_discovery_run_killed_mid_generation_and_resumed_from_the_journal_matches_an_uninterrupted_run_bit_for_bit()
    {
        // Snapshots every two generations: the resumed node recovers through a snapshot and the events after it.
        var settings = DiscoverySettingsFor.Run(generations: 5, population: 12, snapshotEvery: 2);
        var evaluators = new WalkForwardEvaluatorFactory(FitnessSettings.Default);

        List<GenerationOutcome> uninterrupted;
        await using (var node = await ResearchNode.StartAsync(_dir.File("uninterrupted.db"), settings, evaluators))
        {
            var started = await node.Query<ResearchStarted>(new StartResearch(), Timeout);
            await node.Query<ResearchStatus>(WhenResearchIdle.Instance, Timeout);
            uninterrupted = await ReadOutcomes(node, started.Runs[0].RunId);
        }

        var gate = new GatedEvaluatorFactory(evaluators, passing: 25);
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
            Assert.Equal(runId, Assert.Single(again.Runs).RunId);
            Assert.False(again.Runs[0].New);
            var afterResume = await ReadOutcomes(resumed, runId);

            output.WriteLine($"killed during generation {beforeKill} of {settings.Generations}; resumed and completed {afterResume.Count} generations; best rule {afterResume[^1].Elites[0].Rule}");
            Assert.InRange(beforeKill, 1, settings.Generations - 1);
            Assert.Equal(uninterrupted.Count, afterResume.Count);
            Assert.All(afterResume.SelectMany(o => o.Individuals), i => Assert.NotNull(i.Rule));
            Assert.Equal(uninterrupted.Select(Json), afterResume.Select(Json));
        }
    }

    private static async Task<List<GenerationOutcome>> ReadOutcomes(ResearchNode node, string runId)
    {
        var outcomes = new List<GenerationOutcome>();
        await foreach (var envelope in Persistence.Persistence.Get(node.System).ReadJournal.CurrentEventsByPersistenceId(
            PopulationActor.PersistenceIdOf(RuleStrategy.DiscoveryName, runId)))
        {
            if (envelope.Event is GenerationCompleted completed) outcomes.Add(completed.Outcome);
        }
        return outcomes;
    }

    // Doubles are written shortest round-trip, so equal text is equal bits.
    private static string Json(GenerationOutcome outcome) => JsonSerializer.Serialize(outcome);
}
