using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Promotion.Statistics;
using ActorTrader.Research.Tests.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Research.Tests.Promotion.Pipeline.Paper;

/// <summary>
/// The promotion pipeline with paper accounts in a scratch directory, on virtual time starting Monday 2026-01-05 at the
/// open, over <see cref="PaperMarket"/>. Probes see every journaled paper day (recorded or skipped), every deferred day
/// and every trial that waits for its next run.
/// </summary>
public abstract class PaperTrialTestKit : ResearchTestKit, IDisposable
{
    protected const string Id = "paper_long_basket-0000beef";

    protected static readonly PromotionPipelineSettings Settings = PromotionPipelineSettings.Default with
    {
        PaperDays = 3,
        Validation = PromotionPipelineSettings.Default.Validation with { MinimumTrades = 10, MinimumDeflatedSharpe = 0.5, Trials = 10 },
    };

    private readonly ScratchDirectory _dir = new("paper-trials");
    private int _incarnation;

    protected PaperTrialTestKit(bool inMemory = true) : base(inMemory)
    {
        Days = CreateTestProbe();
        Sys.EventStream.Subscribe(Days.Ref, typeof(PaperDayRecorded));
        Sys.EventStream.Subscribe(Days.Ref, typeof(PaperDaySkipped));
        Deferred = CreateTestProbe();
        Sys.EventStream.Subscribe(Deferred.Ref, typeof(PaperDayDeferred));
        Waiting = CreateTestProbe();
        Sys.EventStream.Subscribe(Waiting.Ref, typeof(PaperTrialWaiting));
    }

    /// <summary>Every paper day journaled (<see cref="PaperDayRecorded"/> or <see cref="PaperDaySkipped"/>), in order.</summary>
    protected TestProbe Days { get; }

    protected TestProbe Deferred { get; }

    protected TestProbe Waiting { get; }

    protected string AccountsDirectory => _dir.Path;

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static DateOnly Jan(int day) => new(2026, 1, day);

    protected static DateTimeOffset CloseOf(DateOnly date) => MarketCalendars.Nyse.SessionOn(date)!.Close;

    private protected PaperTrialServices Paper(PanelSource? source = null) => new(PaperMarket.Catalog, source ?? new PanelSource(PaperMarket.Panel()), _dir.Path);

    protected IActorRef StartPromotion(PromotionPipelineSettings? settings = null, PaperTrialServices? paper = null) =>
        Sys.ActorOf(PromotionActor.CreateProps(settings ?? Settings, paper ?? Paper()), $"promotion-{++_incarnation}");

    /// <summary>Stops <paramref name="promotion"/> (and its trials) and waits until it is gone.</summary>
    protected async Task StopAsync(IActorRef promotion)
    {
        Watch(promotion);
        Sys.Stop(promotion);
        await ExpectTerminatedAsync(promotion);
    }

    /// <summary>Proposes the basket, or <paramref name="proposal"/> (it validates), and promotes it to paper now.</summary>
    private protected async Task GoToPaperAsync(IActorRef promotion, CandidateProposal? proposal = null)
    {
        proposal ??= Proposal();
        Assert.Equal(CandidateStage.Validated, (await Query<CandidateRecorded>(promotion, new ProposeCandidate(proposal))).Stage);
        Assert.True((await Query<PromotionResult>(promotion, new PromoteCandidate(proposal.Id, CandidateStage.Paper, "operator"))).Accepted);
    }

    /// <summary>Moves virtual time to an hour after the close of <paramref name="date"/>, then tells the pipeline to run its trials (as a node does after the close).</summary>
    protected void RunAfterCloseOf(IActorRef promotion, DateOnly date)
    {
        Scheduler.AdvanceTo(CloseOf(date).AddHours(1));
        promotion.Tell(RunPaperTrials.Instance, ActorRefs.NoSender);
    }

    /// <summary>The next <paramref name="count"/> journaled paper days, which must all be recorded ones.</summary>
    protected async Task<List<PaperDayRecorded>> RecordedAsync(int count)
    {
        var days = new List<PaperDayRecorded>();
        for (var i = 0; i < count; i++) days.Add(await Days.ExpectMsgAsync<PaperDayRecorded>());
        return days;
    }

    protected async Task<CandidateView> CandidateAsync(IActorRef promotion) =>
        Assert.Single((await Query<CandidateList>(promotion, GetCandidates.Instance)).Candidates, c => c.Id == Id);

    private protected static CandidateProposal Proposal()
    {
        var candidate = Enumerable.Range(0, 120).Select(i => 0.002 + 0.001 * Math.Sin(i * 1.7)).ToArray();
        var incumbent = Enumerable.Range(0, 120).Select(i => 0.001 * Math.Cos(i * 2.3)).ToArray();
        var parameters = new Dictionary<string, double> { ["exposure"] = 0.9 };
        return new CandidateProposal(Id, LongBasket.StrategyName, "run-1", 3, parameters, 2.5, 2.5, 2.6, 0.99, 40, PopulationFixtures.Window,
            [.. Enumerable.Range(0, 50).Select(i => 0.001 * Math.Sin(i))], new OutOfSampleRun("genome", candidate, 30, 3.0),
            parameters, new OutOfSampleRun("incumbent", incumbent, 12, 0.1));
    }
}
