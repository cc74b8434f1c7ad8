using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Synthetic;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>A population actor under its supervisor: pinned data, pause, snapshots, candidates and the bandit table.</summary>
public sealed class PopulationActorTests : ResearchTestKit
{
    private int _incarnation;

    private IActorRef Supervisor(Research.Settings.ResearchSettings settings, ResearchServices services) =>
        Sys.ActorOf(ResearchSupervisor.CreateProps(settings, services), $"research-{++_incarnation}");

    private async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        Unwatch(actor);
    }

    [Fact]
    public async Task A_run_resumed_on_data_with_another_fingerprint_fails_with_the_reason_and_the_fix()
    {
        var settings = Small(population: 6, generations: 3);
        var first = Supervisor(settings, Services());
        await RunToIdle(first, new StartResearch(Generations: 1));
        await StopAsync(first);

        var changed = Supervisor(settings, Services(new PlantedDataSource(seed: 2)));
        var status = Assert.Single((await RunToIdle(changed)).Populations);

        Assert.Equal(PopulationPhase.Failed, status.Phase);
        Assert.Equal(1, status.Generations);
        Assert.Contains("cannot resume", status.Error);
        Assert.Contains("fingerprint", status.Error);
        Assert.Contains($"actortrader research start --strategy {Breakout} --new", status.Error);
    }

    [Fact]
    public async Task Pausing_mid_generation_abandons_it_and_journals_nothing()
    {
        var held = new GatedEvaluatorFactory(new WalkForwardEvaluatorFactory(FitnessSettings.Default), passing: 0);
        var supervisor = StartSupervisor(Small(population: 6), Services(evaluators: held));
        await Query<ResearchStarted>(supervisor, new StartResearch());
        await held.Holding.Task.WaitAsync(DefaultTimeout);

        await Query<ResearchPaused>(supervisor, new PauseResearch("test"));
        var status = Assert.Single((await Query<ResearchStatus>(supervisor, WhenResearchIdle.Instance)).Populations);

        Assert.Equal(PopulationPhase.Idle, status.Phase);
        Assert.Equal(0, status.Generations);
        Assert.Empty(await OutcomesAsync(Breakout, status.RunId!));
    }

    [Fact]
    public async Task A_population_recovered_through_its_snapshot_has_the_history_it_had()
    {
        var settings = Small(population: 6, generations: 4) with { SnapshotEvery = 2 };
        var first = Supervisor(settings, Services());
        var status = Assert.Single((await RunToIdle(first)).Populations);
        var before = await Query<PopulationHistory>(first, new GetResearchHistory(Breakout));
        await StopAsync(first);

        var snapshot = await Persistence.Persistence.Get(Sys).SnapshotStore.LoadAsync(PopulationActor.PersistenceIdOf(Breakout, status.RunId!), SnapshotSelectionCriteria.Latest);
        var again = Supervisor(settings, Services());
        var after = await Query<PopulationHistory>(again, new GetResearchHistory(Breakout));

        Assert.Equal("research-population-snapshot", snapshot!.Manifest);
        Assert.Equal(before.Generations, after.Generations);
    }

    [Fact]
    public async Task A_new_best_above_the_threshold_is_proposed_with_a_stable_id_and_validated_out_of_sample()
    {
        var supervisor = StartSupervisor(Small(population: 12, generations: 3, candidateMinFitness: 0.5), Services());
        var status = Assert.Single((await RunToIdle(supervisor)).Populations);
        var outcomes = await OutcomesAsync(Breakout, status.RunId!);

        var best = CandidateIds.Of(GenomeOf(outcomes[^1].Elites[0]));

        var candidates = await AwaitCandidate(supervisor, best);

        var proposed = Assert.Single(candidates, c => c.Id == best);
        Assert.Equal(Breakout, proposed.Strategy);
        Assert.Equal(status.RunId, proposed.RunId);
        Assert.NotNull(proposed.Validation);
        Assert.Contains(proposed.Stage, new[] { CandidateStage.Validated, CandidateStage.Rejected });
        Assert.All(candidates, c => Assert.True(c.Adjusted >= 0.5));
    }

    [Fact]
    public async Task A_new_run_starts_from_the_bandit_table_the_previous_run_learned()
    {
        var supervisor = StartSupervisor(Small(population: 6, generations: 2), Services());
        var old = (await Query<ResearchStarted>(supervisor, new StartResearch())).Runs[0].RunId;
        await Query<ResearchStatus>(supervisor, WhenResearchIdle.Instance, RunTimeout);

        var started = await Query<ResearchStarted>(supervisor, new StartResearch(NewRun: true));
        await Query<ResearchStatus>(supervisor, WhenResearchIdle.Instance, RunTimeout);

        var run = Assert.Single(started.Runs);
        Assert.True(run.New);
        Assert.NotEqual(old, run.RunId);
        var first = await FirstEvent<PopulationStarted>(PopulationActor.PersistenceIdOf(Breakout, run.RunId));
        Assert.NotEmpty(first.Bandit.Cells);
        Assert.All(first.Bandit.Cells, c => Assert.Equal("low-vol", c.Regime));
    }

    private async Task<IReadOnlyList<CandidateView>> AwaitCandidate(IActorRef supervisor, string id)
    {
        // Proposals are prepared off the population (out-of-sample backtests) and reach the pipeline shortly after the run.
        IReadOnlyList<CandidateView> candidates = [];
        await AwaitConditionAsync(() =>
        {
            candidates = Query<CandidateList>(supervisor, GetCandidates.Instance).GetAwaiter().GetResult().Candidates;
            return candidates.Any(c => c.Id == id);
        }, RunTimeout, message: $"candidate {id} was not proposed");
        return candidates;
    }

    private async Task<T> FirstEvent<T>(string persistenceId)
    {
        await foreach (var envelope in Persistence.Persistence.Get(Sys).ReadJournal.CurrentEventsByPersistenceId(persistenceId))
        {
            if (envelope.Event is T typed) return typed;
        }
        throw new InvalidOperationException($"{persistenceId} journaled no {typeof(T).Name}");
    }
}
