using System.Collections.Concurrent;
using ActorTrader.Actors;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// A population against a promotion pipeline the test controls: the promoted set a generation is penalised against is
/// known before it starts, journaled with it (so a crash cannot change it), and includes the population's own proposal
/// when that proposal went to paper; data preparation that throws fails the population with the reason.
/// </summary>
public sealed class PopulationPenaltyTests : ResearchTestKit
{
    private static readonly PromotedSeries First = new("mean_reversion-00000001", "mean_reversion", [.. Enumerable.Range(0, 40).Select(i => 0.01 * Math.Sin(i))]);
    private static readonly PromotedSeries Second = new("mean_reversion-00000002", "mean_reversion", [.. Enumerable.Range(0, 40).Select(i => 0.01 * Math.Cos(i))]);
    private readonly ConcurrentQueue<CandidateProposal> _proposals = new();
    private readonly TestKit.TestProbe _progress;
    private int _incarnation;

    public PopulationPenaltyTests()
    {
        _progress = CreateTestProbe();
        Sys.EventStream.Subscribe(_progress.Ref, typeof(PopulationProgress));
    }

    private IActorRef Promotion(IReadOnlyList<PromotedSeries> promoted, bool hold = false, bool autoPaper = false, bool silent = false) =>
        Sys.ActorOf(FakePromotion.Props(promoted, _proposals, hold, autoPaper, silent), $"promotion-{++_incarnation}");

    private IActorRef Population(ResearchSettings settings, ResearchServices services, IActorRef promotion, string runId) =>
        Sys.ActorOf(PopulationActor.CreateProps(Breakout, runId, settings.SeedFor(Breakout), settings, services, promotion), $"population-{++_incarnation}");

    private async Task<PopulationStatus> Idle(int generations) =>
        (await _progress.FishForMessageAsync<PopulationProgress>(
            p => p.Status.Phase is PopulationPhase.Failed || (p.Status.Generations == generations && !p.Status.IsBusy), RunTimeout)).Status;

    [Fact]
    public async Task The_first_generation_waits_for_the_promoted_set_and_is_penalised_against_it()
    {
        var created = new SignallingEvaluatorFactory(new WalkForwardEvaluatorFactory(FitnessSettings.Default));
        var promotion = Promotion([First], hold: true);
        var population = Population(Small(population: 6), Services(evaluators: created), promotion, "run-a");

        population.Tell(new Evolve(1));
        await created.Created.Task.WaitAsync(DefaultTimeout);
        promotion.Tell(ReleasePromoted.Instance);
        var status = await Idle(1);

        Assert.Null(status.Error);
        Assert.Equal([First.Id], (await OutcomesAsync(Breakout, "run-a"))[0].PenaltyReference);
    }

    [Fact]
    public async Task A_generation_resumed_after_a_crash_keeps_the_promoted_set_it_was_started_with()
    {
        var settings = Small(population: 6);
        var held = new GatedEvaluatorFactory(new WalkForwardEvaluatorFactory(FitnessSettings.Default), passing: 0);
        var doomed = Population(settings, Services(evaluators: held), Promotion([First]), "run-b");
        doomed.Tell(new Evolve(1));
        await held.Holding.Task.WaitAsync(DefaultTimeout);
        Watch(doomed);
        Sys.Stop(doomed);
        await ExpectTerminatedAsync(doomed);

        // Meanwhile an operator changed the promoted set; the generation in flight was already pinned on the first one.
        var resumed = Population(settings, Services(), Promotion([Second]), "run-b");
        resumed.Tell(new Evolve(1));
        var status = await Idle(1);

        Assert.Null(status.Error);
        Assert.Equal([First.Id], (await OutcomesAsync(Breakout, "run-b"))[0].PenaltyReference);
    }

    [Fact]
    public async Task With_auto_paper_the_next_generation_is_penalised_against_the_population_s_own_promoted_best()
    {
        var settings = Small(population: 6, candidateMinFitness: -1e6);
        var population = Population(settings, Services(), Promotion([], autoPaper: true), "run-c");

        population.Tell(new Evolve(2));
        var status = await Idle(2);
        var outcomes = await OutcomesAsync(Breakout, "run-c");

        Assert.Null(status.Error);
        Assert.True(_proposals.TryPeek(out var proposal));
        Assert.Equal(0, proposal.Generation);
        Assert.Equal([proposal.Id], outcomes[1].PenaltyReference);
    }

    [Fact]
    public async Task A_proposal_carries_the_bar_times_of_its_returns_and_the_evaluations_of_the_run_as_its_trials()
    {
        var settings = Small(population: 6, candidateMinFitness: -1e6);
        var population = Population(settings, Services(), Promotion([]), "run-d");

        population.Tell(new Evolve(1));
        await Idle(1);
        var outcomes = await OutcomesAsync(Breakout, "run-d");

        Assert.True(_proposals.TryPeek(out var proposal));
        Assert.Equal(outcomes[0].Evaluations, proposal.Trials);
        Assert.Equal(proposal.InSampleReturns.Count, proposal.InSampleTimes!.Count);
        Assert.True(proposal.InSampleTimes.SequenceEqual(proposal.InSampleTimes.Order()));
    }

    [Fact]
    public async Task A_population_waiting_for_its_proposal_goes_on_when_the_promotion_pipeline_stops()
    {
        var settings = Small(population: 6, candidateMinFitness: -1e6);
        var promotion = Promotion([], silent: true);
        var population = Population(settings, Services(), promotion, "run-f");

        population.Tell(new Evolve(2));
        await AwaitConditionAsync(() => !_proposals.IsEmpty, RunTimeout, message: "no proposal reached the pipeline");
        Sys.Stop(promotion);
        var status = await Idle(2);

        Assert.Null(status.Error);
        Assert.Equal(2, status.Generations);
        Assert.Single(_proposals);
    }

    [Fact]
    public async Task An_evaluator_that_cannot_be_built_fails_the_population_with_the_reason()
    {
        var broken = new ThrowingEvaluatorFactory(new InvalidOperationException("the fold planner ran out of bars"));
        var population = Population(Small(population: 6), Services(evaluators: broken), Promotion([]), "run-e");

        population.Tell(new Evolve(1));
        var status = await Idle(1);

        Assert.Equal(PopulationPhase.Failed, status.Phase);
        Assert.Contains("the fold planner ran out of bars", status.Error);
        Assert.Contains("cannot pin its evaluation window", status.Error);
    }

    private sealed class SignallingEvaluatorFactory(IEvaluatorFactory inner) : IEvaluatorFactory
    {
        public TaskCompletionSource Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IFitnessEvaluator Create(IStrategy strategy, BarPanel panel, PinnedWindow window)
        {
            var evaluator = inner.Create(strategy, panel, window);
            Created.TrySetResult();
            return evaluator;
        }
    }

    private sealed class ThrowingEvaluatorFactory(Exception error) : IEvaluatorFactory
    {
        public IFitnessEvaluator Create(IStrategy strategy, BarPanel panel, PinnedWindow window) => throw error;
    }
}
