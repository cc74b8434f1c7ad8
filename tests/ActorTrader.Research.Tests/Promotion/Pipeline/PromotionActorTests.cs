using ActorTrader.Actors;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Statistics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Actors;

namespace ActorTrader.Research.Tests.Promotion.Pipeline;

/// <summary>
/// The promotion pipeline: candidate → validated or rejected with its evidence → paper on an operator's word → live only
/// after the paper days, on an operator's word; every step journaled, days counted on the actor system's (virtual) clock.
/// </summary>
public sealed class PromotionActorTests : ResearchTestKit
{
    private static readonly PromotionPipelineSettings Settings = PromotionPipelineSettings.Default with
    {
        PaperDays = 5,
        Validation = PromotionPipelineSettings.Default.Validation with { MinimumTrades = 10, MinimumDeflatedSharpe = 0.5, Trials = 10 },
    };

    private int _incarnation;

    /// <summary>Steady gains with small noise: clears every criterion against an incumbent that earns nothing.</summary>
    private static CandidateProposal Proposal(string id = "relative_volume_breakout-0000beef", bool good = true)
    {
        var candidate = Enumerable.Range(0, 120).Select(i => (good ? 0.002 : -0.001) + 0.001 * Math.Sin(i * 1.7)).ToArray();
        var incumbent = Enumerable.Range(0, 120).Select(i => 0.001 * Math.Cos(i * 2.3)).ToArray();
        return new CandidateProposal(id, PlantedMarket.StrategyName, "run-1", 3, PlantedMarket.PlantedParameters.ToDictionary(), 2.5, 2.5, 2.6, 0.99, 40, PopulationFixtures.Window,
            [.. Enumerable.Range(0, 50).Select(i => 0.001 * Math.Sin(i))], new OutOfSampleRun("genome", candidate, 30, 3.0),
            PlantedMarket.PlantedParameters.ToDictionary(), new OutOfSampleRun("incumbent", incumbent, 12, 0.1));
    }

    /// <summary>A modest edge (per-bar Sharpe about 0.3 over 120 bars): it survives deflation among a few trials, not among a million.</summary>
    private static CandidateProposal Modest(long trials, string id = "relative_volume_breakout-0000cafe")
    {
        var candidate = Enumerable.Range(0, 120).Select(i => 0.001 + 0.0047 * Math.Sin(i * 1.7)).ToArray();
        return Proposal(id) with { OutOfSample = new OutOfSampleRun("genome", candidate, 30, 4.8), Trials = trials };
    }

    private IActorRef StartPromotion(PromotionPipelineSettings? settings = null) =>
        Sys.ActorOf(PromotionActor.CreateProps(settings ?? Settings), $"promotion-{++_incarnation}");

    private async Task<IActorRef> RestartAsync(IActorRef promotion, PromotionPipelineSettings? settings = null)
    {
        Watch(promotion);
        Sys.Stop(promotion);
        await ExpectTerminatedAsync(promotion);
        return StartPromotion(settings);
    }

    private async Task<CandidateView> Candidate(IActorRef promotion, string id) =>
        Assert.Single((await Query<CandidateList>(promotion, GetCandidates.Instance)).Candidates, c => c.Id == id);

    [Fact]
    public async Task A_proposal_that_clears_the_out_of_sample_bar_is_validated_with_its_evidence()
    {
        var promotion = StartPromotion();

        var recorded = await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()));
        var view = await Candidate(promotion, recorded.Id);

        Assert.Equal(new CandidateRecorded("relative_volume_breakout-0000beef", CandidateStage.Validated, New: true), recorded);
        Assert.True(view.Validation!.Passed);
        Assert.Equal(30, view.Validation.Trades);
        Assert.NotNull(view.Validation.DieboldMarianoPValue);
        Assert.Empty(view.Validation.Reasons);
    }

    [Fact]
    public async Task A_proposal_that_loses_out_of_sample_is_rejected_with_the_reasons()
    {
        var promotion = StartPromotion();

        var recorded = await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal(good: false)));
        var view = await Candidate(promotion, recorded.Id);

        Assert.Equal(CandidateStage.Rejected, recorded.Stage);
        Assert.False(view.Validation!.Passed);
        Assert.Contains(view.Validation.Reasons, r => r.Contains("Sharpe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_deflated_sharpe_is_corrected_for_the_evaluations_the_run_made_when_it_made_more_than_configured()
    {
        var promotion = StartPromotion();

        var few = await Query<CandidateRecorded>(promotion, new ProposeCandidate(Modest(trials: 0)));
        var many = await Query<CandidateRecorded>(promotion, new ProposeCandidate(Modest(trials: 1_000_000, id: "relative_volume_breakout-0000f00d")));

        Assert.Equal(CandidateStage.Validated, few.Stage);
        Assert.Equal(CandidateStage.Rejected, many.Stage);
    }

    [Fact]
    public async Task The_validation_evidence_records_the_number_of_trials_it_was_deflated_for()
    {
        var promotion = StartPromotion();

        var id = (await Query<CandidateRecorded>(promotion, new ProposeCandidate(Modest(trials: 5_000)))).Id;
        var view = await Candidate(promotion, id);

        Assert.Equal(5_000, view.Validation!.Trials);
        Assert.Contains(view.Validation.Reasons, r => r.Contains("over 5000 trial(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Proposing_a_known_genome_again_changes_nothing()
    {
        var promotion = StartPromotion();
        await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()));

        var again = await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()));

        Assert.False(again.New);
        Assert.Single((await Query<CandidateList>(promotion, GetCandidates.Instance)).Candidates);
    }

    [Fact]
    public async Task Live_is_refused_for_a_validated_candidate_that_has_not_run_on_paper()
    {
        var promotion = StartPromotion();
        var id = (await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()))).Id;

        var result = await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Live, "operator"));

        Assert.False(result.Accepted);
        Assert.Contains("has not run on paper", result.Message);
        Assert.Contains($"actortrader research promote {id} --to paper", result.Message);
        Assert.Equal(CandidateStage.Validated, (await Candidate(promotion, id)).Stage);
    }

    [Fact]
    public async Task Live_is_refused_until_the_paper_days_have_passed_on_the_clock_then_accepted()
    {
        var promotion = StartPromotion();
        var id = (await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()))).Id;
        var paper = await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Paper, "operator"));

        Scheduler.Advance(TimeSpan.FromDays(3));
        var early = await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Live, "operator"));
        Scheduler.Advance(TimeSpan.FromDays(2));
        var live = await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Live, "operator"));

        Assert.True(paper.Accepted);
        Assert.False(early.Accepted);
        Assert.Contains("on paper for 3 of the 5 day(s)", early.Message);
        Assert.True(live.Accepted);
        Assert.Contains("approved for live", live.Message);
        Assert.Contains("actortrader.strategies.", live.Message);
        Assert.Equal(CandidateStage.Live, live.Candidate!.Stage);
        Assert.Equal(5, live.Candidate.PaperDays);
        Assert.NotNull(live.Candidate.PaperCompletedAt);
    }

    [Fact]
    public async Task Every_step_survives_a_restart_from_the_journal()
    {
        var promotion = StartPromotion();
        var id = (await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()))).Id;
        await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Paper, "operator"));
        Scheduler.Advance(TimeSpan.FromDays(6));
        await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Live, "operator"));

        var after = await Candidate(await RestartAsync(promotion), id);

        Assert.Equal(CandidateStage.Live, after.Stage);
        Assert.True(after.Validation!.Passed);
        Assert.NotNull(after.PaperSince);
        Assert.NotNull(after.LiveSince);
    }

    [Fact]
    public async Task An_unknown_id_is_refused_with_the_closest_known_one()
    {
        var promotion = StartPromotion();
        await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()));

        var result = await Query<PromotionResult>(promotion, new PromoteCandidate("relative_volume_breakout-0000beeg", CandidateStage.Paper, "operator"));

        Assert.False(result.Accepted);
        Assert.True(result.UnknownId);
        Assert.Contains("did you mean relative_volume_breakout-0000beef?", result.Message);
    }

    [Fact]
    public async Task A_rejected_candidate_cannot_be_promoted_at_all()
    {
        var promotion = StartPromotion();
        var id = (await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal(good: false)))).Id;

        var result = await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Paper, "operator"));

        Assert.False(result.Accepted);
        Assert.Contains("failed out-of-sample validation", result.Message);
    }

    [Fact]
    public async Task Going_to_paper_publishes_the_candidates_returns_for_the_correlation_penalty()
    {
        var promoted = CreateTestProbe();
        var promotion = StartPromotion();
        var id = (await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()))).Id;
        Sys.EventStream.Subscribe(promoted.Ref, typeof(PromotedReturns));

        await Query<PromotionResult>(promotion, new PromoteCandidate(id, CandidateStage.Paper, "operator"));

        var published = await promoted.ExpectMsgAsync<PromotedReturns>();
        Assert.Equal(id, Assert.Single(published.Series).Id);
        Assert.Equal(50, published.Series[0].Returns.Count);
    }

    [Fact]
    public async Task With_auto_paper_a_validated_candidate_goes_to_paper_at_once()
    {
        var promotion = StartPromotion(Settings with { AutoPaper = true });

        var recorded = await Query<CandidateRecorded>(promotion, new ProposeCandidate(Proposal()));

        Assert.Equal(CandidateStage.Paper, recorded.Stage);
    }
}
