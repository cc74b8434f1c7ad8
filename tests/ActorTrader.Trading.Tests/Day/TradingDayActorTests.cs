using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.TestKit;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Tests.Day;

/// <summary>The live trading day on virtual time: phase order and times, DST, holidays, early closes, failures, the operator's rebalance.</summary>
public sealed class TradingDayActorTests : TestKit.TestKit
{
    private readonly TestProbe _events;
    private readonly FakeOperations _ops;

    public TradingDayActorTests() : base(new TestKitSettings { VirtualTime = true })
    {
        _events = CreateTestProbe();
        foreach (var type in new[] { typeof(TradingDayPhaseChanged), typeof(TradingDayPhaseFinished), typeof(TradingDayCompleted), typeof(TradingDaySkipped) })
            Sys.EventStream.Subscribe(_events.Ref, type);
        _ops = new FakeOperations(() => Scheduler.Now);
    }

    /// <summary>A UTC instant from an exchange-local (New York) date and time.</summary>
    private static DateTimeOffset Et(int year, int month, int day, int hour, int minute) =>
        MarketCalendars.Nyse.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private IActorRef StartDay(DateTimeOffset at, TradingDaySettings? settings = null)
    {
        Scheduler.AdvanceTo(at);
        var clock = new LiveMarketClock(MarketCalendars.Nyse, Sys.Scheduler);
        return Sys.ActorOf(TradingDayActor.LiveProps(settings ?? TradingDaySettings.Default, _ops, clock), TradingDayActor.Name);
    }

    /// <summary>
    /// Moves virtual time from phase to phase (each phase's finish is published after the next timer is set) until the day
    /// completes; returns every event seen.
    /// </summary>
    private async Task<List<object>> RunDayAsync(IActorRef day)
    {
        var seen = new List<object>();
        while (true)
        {
            day.Tell(GetTradingDayStatus.Instance, TestActor);
            var status = await ExpectMsgAsync<TradingDayStatus>();
            if (status.Running is null && status.NextAt is { } at && at > Scheduler.Now) Scheduler.AdvanceTo(at);
            while (true)
            {
                var message = await _events.ExpectMsgAsync<object>();
                seen.Add(message);
                if (message is TradingDayCompleted) return seen;
                if (message is TradingDayPhaseFinished { Report.Phase: not TradingDayPhase.PostMarket }) break;
            }
        }
    }

    /// <summary>Waits for the finish of <paramref name="phase"/>, keeping the events on the way.</summary>
    private async Task<TradingDayPhaseFinished> FinishedAsync(TradingDayPhase phase) =>
        await _events.FishForMessageAsync<TradingDayPhaseFinished>(m => m.Report.Phase == phase);

    private static List<(TradingDayPhase Phase, DateTimeOffset At)> Started(IEnumerable<object> events) =>
        [.. events.OfType<TradingDayPhaseChanged>().Select(e => (e.Phase, e.At))];

    private static PhaseReport Finished(IEnumerable<object> events, TradingDayPhase phase) =>
        events.OfType<TradingDayPhaseFinished>().Select(e => e.Report).First(r => r.Phase == phase);

    [Fact]
    public async Task A_normal_day_runs_its_phases_in_order_at_their_Eastern_times()
    {
        var events = await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        Assert.Equal(
        [
            (TradingDayPhase.PreMarket, Utc(2026, 1, 6, 13, 0)),
            (TradingDayPhase.MarketOpen, Utc(2026, 1, 6, 14, 30)),
            (TradingDayPhase.StrategyRun, Utc(2026, 1, 6, 14, 31)),
            (TradingDayPhase.StrategyRun, Utc(2026, 1, 6, 15, 0)),
            (TradingDayPhase.StrategyRun, Utc(2026, 1, 6, 15, 30)),
            (TradingDayPhase.StrategyRun, Utc(2026, 1, 6, 16, 0)),
            (TradingDayPhase.Rebalance, Utc(2026, 1, 6, 20, 45)),
            (TradingDayPhase.MarketClose, Utc(2026, 1, 6, 21, 0)),
            (TradingDayPhase.PostMarket, Utc(2026, 1, 6, 21, 15)),
        ], Started(events));
        var summary = events.OfType<TradingDayCompleted>().Single().Summary;
        Assert.All(summary.Phases, p => Assert.Equal(PhaseStatus.Completed, p.Status));
        Assert.True(summary.Reconciled);
    }

    [Fact]
    public async Task Each_operation_of_the_day_is_called_once_in_phase_order()
    {
        await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        Assert.Equal(["reconcile", "refresh-data", "market-open", "run", "run", "run", "run", "targets", "open-orders", "submit", "market-close", "snapshot", "backup", "report"],
            _ops.Calls.Select(c => c.Name));
    }

    [Fact]
    public async Task Scheduled_runs_call_their_strategies_at_their_Eastern_times()
    {
        await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        var runs = _ops.Named("run");
        Assert.Equal(
        [
            (Utc(2026, 1, 6, 14, 31), "gap_fill"),
            (Utc(2026, 1, 6, 15, 0), "relative_volume_breakout"),
            (Utc(2026, 1, 6, 15, 30), "mean_reversion"),
            (Utc(2026, 1, 6, 16, 0), "pairs"),
        ], runs.Select(c => ((ValueTuple<DateTimeOffset, string>)c.Argument!)));
        // Each ran when the virtual clock showed its time, not before.
        Assert.All(runs, c => Assert.Equal(((ValueTuple<DateTimeOffset, string>)c.Argument!).Item1, c.At));
    }

    [Fact]
    public async Task The_scheduled_rebalance_submits_the_planned_intents_under_a_rebalance_id_of_its_time()
    {
        await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        var intents = (IReadOnlyList<OrderIntent>)Assert.Single(_ops.Named("submit")).Argument!;
        var intent = Assert.Single(intents);
        Assert.Equal((FakeOperations.Aapl, OrderSide.Buy, 500m, "2026-01-06T20:45Z", RebalanceTargets.MetaName),
            (intent.Symbol, intent.Side, intent.Quantity, intent.RebalanceId, intent.Sleeve));
    }

    [Fact]
    public async Task The_rebalance_plans_with_the_open_orders_and_cancels_those_that_no_longer_fit_before_it_submits()
    {
        var msft = Symbol.Parse("NASDAQ:MSFT");
        var at = Utc(2026, 1, 6, 15, 0);
        var stale = new OrderView("at-stale", "b-1", "acct-1", msft, OrderSide.Buy, OrderType.Market, 10m, 0m, null, OrderState.Accepted,
            RebalanceTargets.MetaName, "2026-01-06T15:00Z", RebalancePlanner.TargetLeg, at, at, null, false);
        var working = stale with { ClientOrderId = "at-working", Symbol = FakeOperations.Aapl, Quantity = 200m };
        _ops.OpenOrders = [stale, working];

        await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        var cancels = (IReadOnlyList<PlannedCancel>)Assert.Single(_ops.Named("cancel")).Argument!;
        Assert.Equal(["at-stale"], cancels.Select(c => c.ClientOrderId));
        var intents = (IReadOnlyList<OrderIntent>)Assert.Single(_ops.Named("submit")).Argument!;
        Assert.Equal(300m, Assert.Single(intents).Quantity);
        var names = _ops.Calls.Select(c => c.Name).ToList();
        Assert.True(names.IndexOf("cancel") < names.IndexOf("submit"));
    }

    [Fact]
    public async Task The_day_after_Thanksgiving_closes_at_13_00_Eastern_and_brings_the_rebalance_forward()
    {
        var settings = TradingDaySettings.Default with
        {
            ScheduledRuns = [.. TradingDaySettings.Default.ScheduledRuns, new ScheduledRun(new TimeOnly(14, 0), ["late"])],
        };

        var events = await RunDayAsync(StartDay(Et(2026, 11, 27, 6, 0), settings));

        var started = Started(events);
        Assert.Contains((TradingDayPhase.Rebalance, Utc(2026, 11, 27, 17, 45)), started);
        Assert.Equal(
            [(TradingDayPhase.MarketClose, Utc(2026, 11, 27, 18, 0)), (TradingDayPhase.PostMarket, Utc(2026, 11, 27, 18, 15))],
            started.TakeLast(2));
        var late = events.OfType<TradingDayPhaseFinished>().Select(e => e.Report).Single(r => r.Strategies.Contains("late"));
        Assert.Equal(PhaseStatus.Skipped, late.Status);
        Assert.Contains("closes early at 13:00 ET", late.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thanksgiving_is_skipped_and_the_next_session_runs()
    {
        var events = await RunDayAsync(StartDay(Et(2026, 11, 26, 6, 0)));

        var skipped = Assert.IsType<TradingDaySkipped>(events[0]);
        Assert.Equal(new DateOnly(2026, 11, 26), skipped.Date);
        Assert.Contains("Thanksgiving Day", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal((TradingDayPhase.PreMarket, Utc(2026, 11, 27, 13, 0)), Started(events)[0]);
    }

    [Fact]
    public async Task Across_the_March_switch_to_summer_time_the_phases_move_an_hour_earlier_in_UTC()
    {
        var day = StartDay(Et(2026, 3, 6, 6, 0));

        var friday = Started(await RunDayAsync(day));
        var monday = Started(await RunDayAsync(day));

        Assert.Equal([Utc(2026, 3, 6, 13, 0), Utc(2026, 3, 6, 21, 0)], friday.Where(p => p.Phase is TradingDayPhase.PreMarket or TradingDayPhase.MarketClose).Select(p => p.At));
        Assert.Equal([Utc(2026, 3, 9, 12, 0), Utc(2026, 3, 9, 20, 0)], monday.Where(p => p.Phase is TradingDayPhase.PreMarket or TradingDayPhase.MarketClose).Select(p => p.At));
    }

    [Fact]
    public async Task Across_the_November_switch_to_standard_time_the_phases_move_an_hour_later_in_UTC()
    {
        var day = StartDay(Et(2026, 10, 30, 6, 0));

        var friday = Started(await RunDayAsync(day));
        var monday = Started(await RunDayAsync(day));

        Assert.Equal([Utc(2026, 10, 30, 12, 0), Utc(2026, 10, 30, 20, 0)], friday.Where(p => p.Phase is TradingDayPhase.PreMarket or TradingDayPhase.MarketClose).Select(p => p.At));
        Assert.Equal([Utc(2026, 11, 2, 13, 0), Utc(2026, 11, 2, 21, 0)], monday.Where(p => p.Phase is TradingDayPhase.PreMarket or TradingDayPhase.MarketClose).Select(p => p.At));
    }

    [Fact]
    public async Task A_failed_reconciliation_means_no_rebalance_that_day()
    {
        _ops.Reconcile = _ => throw new InvalidOperationException("broker positions differ: NASDAQ:AAPL 10 vs 12");

        var events = await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        var preMarket = Finished(events, TradingDayPhase.PreMarket);
        Assert.Equal(PhaseStatus.Failed, preMarket.Status);
        Assert.Contains("reconcile failed: InvalidOperationException: broker positions differ", preMarket.Detail, StringComparison.Ordinal);
        var rebalance = Finished(events, TradingDayPhase.Rebalance);
        Assert.Equal(PhaseStatus.Skipped, rebalance.Status);
        Assert.Contains("reconciliation did not succeed", rebalance.Detail, StringComparison.Ordinal);
        Assert.Empty(_ops.Named("targets"));
        Assert.Empty(_ops.Named("submit"));
        Assert.False(events.OfType<TradingDayCompleted>().Single().Summary.Reconciled);
    }

    [Fact]
    public async Task The_other_phases_still_run_after_a_failed_reconciliation()
    {
        _ops.Reconcile = _ => throw new InvalidOperationException("broker unreachable");

        var events = await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        Assert.All(events.OfType<TradingDayPhaseFinished>().Select(e => e.Report).Where(r => r.Phase is TradingDayPhase.StrategyRun or TradingDayPhase.PostMarket),
            r => Assert.Equal(PhaseStatus.Completed, r.Status));
    }

    [Fact]
    public async Task Targets_that_do_not_sum_to_one_fail_the_rebalance_and_nothing_is_submitted()
    {
        _ops.Targets = (_, _) => RebalanceTargets.Meta(new TargetWeightSet("meta", 1.0, new Dictionary<Symbol, double> { [FakeOperations.Aapl] = 0.8 }, 0.0));

        var events = await RunDayAsync(StartDay(Et(2026, 1, 6, 6, 0)));

        var rebalance = Finished(events, TradingDayPhase.Rebalance);
        Assert.Equal(PhaseStatus.Failed, rebalance.Status);
        Assert.Contains("sum to 0.8000", rebalance.Detail, StringComparison.Ordinal);
        Assert.Empty(_ops.Named("submit"));
    }

    [Fact]
    public async Task A_node_started_mid_day_runs_pre_market_at_once_and_skips_the_phases_it_missed()
    {
        var events = await RunDayAsync(StartDay(Et(2026, 1, 6, 11, 15)));

        Assert.Equal((TradingDayPhase.PreMarket, Utc(2026, 1, 6, 16, 15)), Started(events)[0]);
        var missed = events.OfType<TradingDayPhaseFinished>().Select(e => e.Report).Where(r => r.Status == PhaseStatus.Skipped).ToList();
        Assert.Equal([TradingDayPhase.MarketOpen, TradingDayPhase.StrategyRun, TradingDayPhase.StrategyRun, TradingDayPhase.StrategyRun, TradingDayPhase.StrategyRun],
            missed.Select(r => r.Phase));
        Assert.All(missed, r => Assert.StartsWith("missed", r.Detail, StringComparison.Ordinal));
        Assert.Equal(PhaseStatus.Completed, Finished(events, TradingDayPhase.Rebalance).Status);
    }

    [Fact]
    public async Task A_phase_that_outlives_its_timeout_fails_and_the_day_goes_on()
    {
        var never = new TaskCompletionSource();
        _ops.RefreshData = _ => never.Task;
        var day = StartDay(Et(2026, 1, 6, 6, 0));
        day.Tell(GetTradingDayStatus.Instance, TestActor);
        Scheduler.AdvanceTo((await ExpectMsgAsync<TradingDayStatus>()).NextAt!.Value);
        await _events.ExpectMsgAsync<TradingDayPhaseChanged>(m => m.Phase == TradingDayPhase.PreMarket);

        Scheduler.Advance(TradingDaySettings.Default.PhaseTimeout);

        var preMarket = await _events.ExpectMsgAsync<TradingDayPhaseFinished>();
        Assert.Equal(PhaseStatus.Failed, preMarket.Report.Status);
        Assert.Contains("did not finish within", preMarket.Report.Detail, StringComparison.Ordinal);
        day.Tell(GetTradingDayStatus.Instance, TestActor);
        Assert.Equal(TradingDayPhase.MarketOpen, (await ExpectMsgAsync<TradingDayStatus>()).Next);
    }

    [Fact]
    public async Task RebalanceNow_rebalances_the_named_sleeve_at_once_during_the_session()
    {
        var day = StartDay(Et(2026, 1, 6, 11, 15));
        await FinishedAsync(TradingDayPhase.PreMarket);

        day.Tell(new RebalanceNow("core_equity"), TestActor);

        var report = (await ExpectMsgAsync<RebalanceCompleted>()).Report;
        Assert.Equal((true, "core_equity", "manual-2026-01-06T16:15:00Z", 1), (report.Manual, report.Sleeve, report.RebalanceId, report.Accepted));
        Assert.Equal("core_equity", Assert.Single(_ops.Named("targets")).Argument);
    }

    [Fact]
    public async Task RebalanceNow_is_refused_while_the_market_is_closed()
    {
        var day = StartDay(Et(2026, 1, 6, 6, 0));

        day.Tell(new RebalanceNow(), TestActor);

        Assert.Contains("the market is closed", (await ExpectMsgAsync<RebalanceRefused>()).Reason, StringComparison.Ordinal);
        Assert.Empty(_ops.Named("targets"));
    }

    [Fact]
    public async Task RebalanceNow_is_refused_after_a_failed_reconciliation()
    {
        _ops.Reconcile = _ => throw new InvalidOperationException("broker unreachable");
        var day = StartDay(Et(2026, 1, 6, 11, 15));
        await FinishedAsync(TradingDayPhase.PreMarket);

        day.Tell(new RebalanceNow(), TestActor);

        Assert.Contains("reconciliation did not succeed", (await ExpectMsgAsync<RebalanceRefused>()).Reason, StringComparison.Ordinal);
        Assert.Empty(_ops.Named("submit"));
    }
}
