using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Tests.Actors;

namespace ActorTrader.Research.Tests.Acceptance;

/// <summary>
/// Acceptance: on the planted plateau (every genome scores the same) the best fitness never improves, so the history shows
/// a diversity injection after K flat generations and then a restart after 2K, each journaled with its generation.
/// </summary>
public sealed class PlateauAcceptanceTests : ResearchTestKit
{
    [Fact]
    public async Task A_planted_plateau_triggers_diversity_injection_then_restart_in_the_history()
    {
        var settings = Small(population: 8, generations: 6, k: 2);
        var supervisor = StartSupervisor(settings, Services(new PlantedDataSource(plateau: true)));

        await RunToIdle(supervisor);
        var history = await HistoryOf(supervisor, Breakout);
        var outcomes = await OutcomesAsync(Breakout, history.RunId!);

        Assert.Equal(6, history.Generations.Count);
        Assert.Equal([(2, StagnationVerdict.InjectDiversity), (4, StagnationVerdict.Restart)],
            history.StagnationEvents.Select(e => (e.Generation, e.Verdict)));
        Assert.Equal([(2, StagnationVerdict.InjectDiversity, 2), (4, StagnationVerdict.Restart, 0)],
            (await StagnationRecords(history.RunId!)).Select(s => (s.Generation, s.Verdict, s.Immigrants)));
        Assert.Equal(settings.Breeding.MutationRateMax, outcomes[2].MutationRate);
        Assert.Equal(settings.Breeding.MutationRateInitial, outcomes[4].MutationRate);
    }

    private async Task<List<PopulationStagnated>> StagnationRecords(string runId)
    {
        var records = new List<PopulationStagnated>();
        await foreach (var envelope in Persistence.Persistence.Get(Sys).ReadJournal.CurrentEventsByPersistenceId(PopulationActor.PersistenceIdOf(Breakout, runId)))
        {
            if (envelope.Event is PopulationStagnated stagnated) records.Add(stagnated);
        }
        return records;
    }
}
