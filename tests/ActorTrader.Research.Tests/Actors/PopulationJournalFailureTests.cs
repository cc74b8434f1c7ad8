using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// A population whose journal write fails (a full disk) stops: its status says why, and the next start recovers it from
/// the journal, redoes the generation whose write failed and completes the run.
/// </summary>
public sealed class PopulationJournalFailureTests : ResearchTestKit
{
    private int _populationWrites;

    public PopulationJournalFailureTests() : base(inMemory: false)
    {
        var storage = new MemoryStorage();
        // The population's second write is its first generation (the first is the pinned run): that one fails.
        var journal = new FailingJournal(new MemoryJournal(storage))
        {
            FailWhen = events => events[0].PersistenceId.StartsWith(PopulationActor.PersistenceIdPrefix, StringComparison.Ordinal) &&
                                 Interlocked.Increment(ref _populationWrites) == 2,
        };
        Install(new PersistenceStores(journal, new MemorySnapshotStore(storage), new MemoryJournalQuery(storage)));
    }

    [Fact]
    public async Task A_population_whose_generation_cannot_be_journaled_fails_with_the_cause_and_the_next_start_completes_its_run()
    {
        var supervisor = StartSupervisor(Small(population: 6, generations: 2), Services());

        var failed = Assert.Single((await RunToIdle(supervisor)).Populations);
        var alert = await Alerts.ExpectMsgAsync<PersistenceAlert>();
        var completed = Assert.Single((await RunToIdle(supervisor)).Populations);
        var outcomes = await OutcomesAsync(Breakout, completed.RunId!);

        Assert.Equal(PersistenceFailure.Persist, alert.Failure);
        Assert.Equal(PopulationPhase.Failed, failed.Phase);
        Assert.Contains("simulated: the disk is full", failed.Error);
        Assert.Equal(PopulationPhase.Completed, completed.Phase);
        Assert.Equal([0, 1], outcomes.Select(o => o.Generation));
    }
}
