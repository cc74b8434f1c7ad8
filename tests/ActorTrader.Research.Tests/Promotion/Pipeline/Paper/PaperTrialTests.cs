using ActorTrader.Actors;
using ActorTrader.Brokers.Paper;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Research.Tests.Promotion.Pipeline.Paper;

/// <summary>
/// A candidate on paper runs in its own paper account, one NYSE session at a time after the close, and each session is
/// journaled once with its evidence; live needs the paper days and a record that passes the checks.
/// </summary>
public sealed class PaperTrialTests : PaperTrialTestKit
{
    [Fact]
    public async Task A_candidate_on_paper_records_one_paper_day_per_session_that_has_closed()
    {
        var promotion = StartPromotion();
        await GoToPaperAsync(promotion);

        RunAfterCloseOf(promotion, Jan(7));
        var days = await RecordedAsync(3);

        Assert.Equal([Jan(5), Jan(6), Jan(7)], days.Select(d => d.Date));
        Assert.All(days, d => Assert.Equal(Id, d.Id));
        Assert.Equal(3, (await CandidateAsync(promotion)).PaperDays);
    }

    [Fact]
    public async Task The_trial_runs_a_session_on_its_own_timer_after_the_close()
    {
        var promotion = StartPromotion();
        await GoToPaperAsync(promotion);
        var waiting = await Waiting.ExpectMsgAsync<PaperTrialWaiting>();

        Scheduler.AdvanceTo(CloseOf(Jan(5)).AddHours(1));
        var day = await Days.ExpectMsgAsync<PaperDayRecorded>();

        Assert.Equal(CloseOf(Jan(5)) + Settings.Paper.AfterClose, waiting.NextRunAt);
        Assert.Equal(Jan(5), day.Date);
    }

    [Fact]
    public async Task Orders_placed_at_one_close_fill_at_the_next_open_and_the_nav_is_the_paper_accounts_equity()
    {
        var promotion = StartPromotion();
        await GoToPaperAsync(promotion);

        RunAfterCloseOf(promotion, Jan(7));
        var days = await RecordedAsync(3);
        await using var account = new PaperBroker(PaperBrokerSettings.Default(Paper().FileOf(Id)), TimeProvider.System);

        Assert.Empty(days[0].Fills);
        Assert.NotEmpty(days[0].Orders);
        Assert.Equal(days[0].Orders.Select(o => o.ClientOrderId).Order(), days[1].Fills.Select(f => f.ClientOrderId).Order());
        Assert.All(days[1].Fills, f => Assert.Equal(new DateTimeOffset(2026, 1, 6, 14, 30, 0, TimeSpan.Zero), f.Time));
        Assert.Equal(Settings.Paper.InitialCash, days[0].Nav);
        Assert.NotEqual(days[0].Nav, days[2].Nav);
        Assert.Equal((await account.GetAccountAsync()).Equity, days[2].Nav);
        Assert.Equal(days.Sum(d => d.Fills.Count), account.Executions().Count);
    }

    [Fact]
    public async Task Live_is_refused_until_the_candidate_has_run_the_paper_days_then_accepted()
    {
        var promotion = StartPromotion();
        await GoToPaperAsync(promotion);

        RunAfterCloseOf(promotion, Jan(6));
        await RecordedAsync(2);
        var early = await Query<PromotionResult>(promotion, new PromoteCandidate(Id, CandidateStage.Live, "operator"));
        RunAfterCloseOf(promotion, Jan(7));
        await RecordedAsync(1);
        var live = await Query<PromotionResult>(promotion, new PromoteCandidate(Id, CandidateStage.Live, "operator"));

        Assert.False(early.Accepted);
        Assert.Contains("has run 2 of the 3 paper day(s) promotion.paper-days requires", early.Message);
        Assert.True(live.Accepted, live.Message);
        Assert.Equal(CandidateStage.Live, live.Candidate!.Stage);
        Assert.NotNull(live.Candidate.PaperCompletedAt);
    }

    [Fact]
    public async Task Live_is_refused_when_the_paper_return_is_below_the_configured_minimum_naming_the_check_and_the_figure()
    {
        var promotion = StartPromotion(Settings with { Paper = Settings.Paper with { MinReturn = 0.5 } });
        await GoToPaperAsync(promotion);
        RunAfterCloseOf(promotion, Jan(7));
        await RecordedAsync(3);
        var record = (await CandidateAsync(promotion)).Paper!;

        var result = await Query<PromotionResult>(promotion, new PromoteCandidate(Id, CandidateStage.Live, "operator"));

        Assert.False(result.Accepted);
        Assert.Contains($"paper-min-return: its return on paper is {PaperChecks.P(record.Return)}, below the 50.00% required", result.Message);
        Assert.Equal(CandidateStage.Paper, result.Candidate!.Stage);
    }

    [Fact]
    public async Task Live_is_refused_when_the_paper_drawdown_is_above_the_configured_maximum()
    {
        var falling = new PanelSource(PaperMarket.Panel(drift: -0.01));
        var promotion = StartPromotion(Settings with { Paper = Settings.Paper with { MaxDrawdown = 0.001 } }, Paper(falling));
        await GoToPaperAsync(promotion);
        RunAfterCloseOf(promotion, Jan(7));
        await RecordedAsync(3);
        var record = (await CandidateAsync(promotion)).Paper!;

        var result = await Query<PromotionResult>(promotion, new PromoteCandidate(Id, CandidateStage.Live, "operator"));

        Assert.False(result.Accepted);
        Assert.Contains($"paper-max-drawdown: its maximum drawdown on paper is {PaperChecks.P(record.MaxDrawdown)}, above the 0.10% allowed", result.Message);
    }

    [Fact]
    public async Task The_candidate_view_shows_the_paper_days_return_sharpe_and_drawdown()
    {
        var promotion = StartPromotion();
        await GoToPaperAsync(promotion);
        RunAfterCloseOf(promotion, Jan(8));
        var days = await RecordedAsync(4);

        var paper = (await CandidateAsync(promotion)).Paper!;

        Assert.Equal(days.Select(d => (d.Date, d.Nav, d.Return)), paper.Days.Select(d => (d.Date, d.Nav, d.Return)));
        Assert.Equal(days[^1].Nav, paper.Nav);
        Assert.Equal((double)(days[^1].Nav / days[0].Nav) - 1, paper.Return, 12);
        Assert.NotNull(paper.Sharpe);
        Assert.InRange(paper.MaxDrawdown, 0, 1);
    }

    [Fact]
    public async Task A_holiday_is_not_a_paper_day_even_when_the_data_has_a_bar_for_it()
    {
        var promotion = StartPromotion(Settings with { PaperDays = 20 });
        await GoToPaperAsync(promotion);

        RunAfterCloseOf(promotion, Jan(20));
        var days = await RecordedAsync(11);

        Assert.True(PaperDay.IndexOf(PaperMarket.Panel(), Jan(19)) >= 0);
        Assert.DoesNotContain(Jan(19), days.Select(d => d.Date));
        Assert.Equal(Jan(20), days[^1].Date);
        Assert.Equal(11, (await CandidateAsync(promotion)).PaperDays);
    }

    [Fact]
    public async Task A_session_the_data_skips_is_journaled_as_skipped_with_its_reason_and_not_counted()
    {
        var gap = new PanelSource(PaperMarket.Panel(missing: Jan(7)));
        var promotion = StartPromotion(Settings with { PaperDays = 5 }, Paper(gap));
        await GoToPaperAsync(promotion);

        RunAfterCloseOf(promotion, Jan(8));
        var journaled = new[] { await Days.ReceiveOneAsync(DefaultTimeout), await Days.ReceiveOneAsync(DefaultTimeout), await Days.ReceiveOneAsync(DefaultTimeout), await Days.ReceiveOneAsync(DefaultTimeout) };
        var view = await CandidateAsync(promotion);

        Assert.Equal([Jan(5), Jan(6), Jan(8)], journaled.OfType<PaperDayRecorded>().Select(d => d.Date));
        var skipped = Assert.Single(journaled.OfType<PaperDaySkipped>());
        Assert.Equal(Jan(7), skipped.Date);
        Assert.Contains("no bar dated 2026-01-07", skipped.Reason);
        Assert.Equal(3, view.PaperDays);
        Assert.Equal(Jan(7), Assert.Single(view.Paper!.Skipped).Date);
    }

    [Fact]
    public async Task A_session_whose_bar_has_not_arrived_waits_and_is_booked_once_the_data_catches_up()
    {
        var source = new PanelSource(PaperMarket.Panel(last: Jan(6)));
        var promotion = StartPromotion(Settings with { PaperDays = 5 }, Paper(source));
        await GoToPaperAsync(promotion);

        RunAfterCloseOf(promotion, Jan(8));
        var before = await RecordedAsync(2);
        var deferred = await Deferred.ExpectMsgAsync<PaperDayDeferred>();
        source.Panel = PaperMarket.Panel();
        promotion.Tell(RunPaperTrials.Instance, ActorRefs.NoSender);
        var after = await RecordedAsync(2);

        Assert.Equal([Jan(5), Jan(6)], before.Select(d => d.Date));
        Assert.Equal(Jan(7), deferred.Date);
        Assert.Contains("stale data", deferred.Reason);
        Assert.Equal([Jan(7), Jan(8)], after.Select(d => d.Date));
    }

    [Fact]
    public async Task A_paper_account_error_books_nothing_and_the_day_runs_again_next_time()
    {
        var paper = Paper();
        Directory.CreateDirectory(paper.FileOf(Id));
        var promotion = StartPromotion(paper: paper);
        await GoToPaperAsync(promotion);

        RunAfterCloseOf(promotion, Jan(5));
        var failed = await Deferred.ExpectMsgAsync<PaperDayDeferred>();
        var outcomes = CreateTestProbe();
        Sys.EventStream.Subscribe(outcomes.Ref, typeof(PaperDayRecorded));
        Sys.EventStream.Subscribe(outcomes.Ref, typeof(PaperDayDeferred));
        Directory.Delete(paper.FileOf(Id));
        // A pass the trial's own timer began before the directory was deleted fails once more, and a run sent meanwhile is
        // ignored (a pass covers every due day); the run after it books the day.
        PaperDayRecorded? day = null;
        for (var run = 1; day is null; run++)
        {
            Assert.True(run <= 3, "the day was still not booked after three runs");
            promotion.Tell(RunPaperTrials.Instance, ActorRefs.NoSender);
            day = await outcomes.ExpectMsgAsync<object>() as PaperDayRecorded;
        }

        Assert.Equal(Jan(5), failed.Date);
        Assert.Contains("is a directory", failed.Reason);
        Assert.Equal(Jan(5), day.Date);
        Assert.Equal(1, (await CandidateAsync(promotion)).PaperDays);
    }

    [Fact]
    public async Task A_discovered_rule_runs_on_paper_as_its_own_strategy()
    {
        const string ruleId = "discovery-0000d15c";
        var promotion = StartPromotion();
        await GoToPaperAsync(promotion, Proposal() with { Id = ruleId, Strategy = RuleStrategy.DiscoveryName, Parameters = new Dictionary<string, double>(), Rule = RuleStrategy.BuyAndHoldText });

        RunAfterCloseOf(promotion, Jan(6));
        var days = await RecordedAsync(2);

        Assert.All(days, d => Assert.Equal(ruleId, d.Id));
        Assert.Equal(PaperMarket.Symbols.Length, days[0].Orders.Count);
        Assert.Equal(PaperMarket.Symbols.Length, days[1].Fills.Count);
    }

    [Fact]
    public async Task A_candidate_taken_live_stops_its_paper_trial()
    {
        var promotion = StartPromotion(Settings with { PaperDays = 1 });
        await GoToPaperAsync(promotion);
        RunAfterCloseOf(promotion, Jan(5));
        await RecordedAsync(1);
        var trial = await Sys.ActorSelection($"{promotion.Path}/{PaperTrialActor.NameOf(Id)}").ResolveOne(DefaultTimeout);
        Watch(trial);

        Assert.True((await Query<PromotionResult>(promotion, new PromoteCandidate(Id, CandidateStage.Live, "operator"))).Accepted);

        await ExpectTerminatedAsync(trial);
    }
}
