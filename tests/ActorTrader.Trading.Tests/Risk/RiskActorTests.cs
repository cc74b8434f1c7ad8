using ActorTrader.Actors;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.Actions;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>
/// The risk actor on virtual time with an in-memory journal and a stub as its order manager (<see cref="RiskActorTestKit"/>):
/// checks, the trading state machine, automatic actions through the order manager, recovery.
/// </summary>
public sealed class RiskActorTests : RiskActorTestKit
{
    [Fact]
    public async Task Orders_within_the_limits_are_approved_and_the_others_refused_with_their_reasons()
    {
        var risk = Start();
        await FeedAsync(risk, Book);
        var small = Buy(Tsla, 5, 100m);
        var large = Buy(Tsla, 90, 100m, leg: "large");

        var result = await CheckAsync(risk, small, large);

        Assert.Equal([small], result.Approved);
        var refused = Assert.Single(result.Refused);
        Assert.Same(large, refused.Intent);
        Assert.Equal(["order-notional-cap"], refused.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public async Task Checking_orders_sends_nothing_to_the_order_manager()
    {
        var risk = Start();
        await FeedAsync(risk, Book);

        await CheckAsync(risk, Buy(Tsla, 5, 100m), Buy(Tsla, 100, 100m, leg: "large"));
        await StateAsync(risk);

        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task Without_a_ledger_view_every_order_is_refused()
    {
        var risk = Start();
        var intent = Buy(Tsla, 5, 100m);

        var result = await CheckAsync(risk, intent);

        var reason = Assert.Single(Assert.Single(result.Refused).Reasons);
        Assert.Equal("ledger", reason.Rule);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 5 NASDAQ:TSLA) cannot be checked: the risk manager of account acc-1 has no ledger view yet.", reason.Message);
    }

    [Fact]
    public async Task A_ledger_change_published_on_the_event_stream_is_monitored()
    {
        var risk = Start();
        await StateAsync(risk);

        Sys.EventStream.Publish(new LedgerChanged(Book));

        await AwaitAssertAsync(async () => Assert.Equal(100_000m, (await StateAsync(risk)).Nav));
    }

    [Fact]
    public async Task Another_accounts_ledger_is_ignored()
    {
        var risk = Start();

        var state = await FeedAsync(risk, Book with { AccountId = "acc-2" }, WithNav(Book, 10_000m) with { AccountId = "acc-2" });

        Assert.Null(state.Nav);
        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task Approved_orders_count_once_per_client_order_id_and_the_count_resets_at_the_start_of_a_day()
    {
        var risk = Start();
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);
        await FeedAsync(risk, Book);
        var a = Buy(Tsla, 1, 100m, leg: "a");
        var b = Buy(Tsla, 1, 100m, leg: "b");

        await CheckAsync(risk, a, b);
        await CheckAsync(risk, a);
        var before = await StateAsync(risk);
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday.AddDays(1), 100_000m), DefaultTimeout);

        Assert.Equal(2, before.TradesToday);
        Assert.Equal(0, (await StateAsync(risk)).TradesToday);
    }

    [Fact]
    public async Task The_daily_trade_limit_holds_across_checks_and_restarts()
    {
        var settings = RiskSettings.Default with { MaxTradesPerDay = 1 };
        var risk = Start(settings);
        await FeedAsync(risk, Book);
        var first = Buy(Tsla, 1, 100m, leg: "a");
        await CheckAsync(risk, first);
        RecordInBook(OrderOf(first, OrderState.New, Scheduler.Now));

        risk = await RestartAsync(risk, settings);
        await FeedAsync(risk, Book);
        var result = await CheckAsync(risk, Buy(Tsla, 1, 100m, leg: "b"));

        Assert.Equal("daily-trade-count", Assert.Single(Assert.Single(result.Refused).Reasons).Rule);
    }

    [Fact]
    public async Task Orders_approved_today_are_approved_again_when_checked_again_at_the_daily_limit()
    {
        var risk = Start(RiskSettings.Default with { MaxTradesPerDay = 2 });
        await FeedAsync(risk, Book);
        var a = Buy(Tsla, 1, 100m, leg: "a");
        var b = Buy(Tsla, 1, 100m, leg: "b");
        await CheckAsync(risk, a, b);

        // A rebalance retried after a crash checks the same client order ids again: they are no new trades.
        var again = await CheckAsync(risk, a, b);

        Assert.Equal([a, b], again.Approved);
        Assert.Equal(2, (await StateAsync(risk)).TradesToday);
    }

    [Fact]
    public async Task A_new_order_checked_with_orders_approved_today_still_meets_the_daily_limit()
    {
        var risk = Start(RiskSettings.Default with { MaxTradesPerDay = 2 });
        await FeedAsync(risk, Book);
        var a = Buy(Tsla, 1, 100m, leg: "a");
        var b = Buy(Tsla, 1, 100m, leg: "b");
        await CheckAsync(risk, a, b);

        var result = await CheckAsync(risk, a, Buy(Tsla, 1, 100m, leg: "c"));

        Assert.Equal([a], result.Approved);
        Assert.Equal("daily-trade-count", Assert.Single(Assert.Single(result.Refused).Reasons).Rule);
    }

    [Fact]
    public async Task A_ledger_view_with_unmarked_positions_trips_no_breaker()
    {
        var risk = Start();
        await FeedAsync(risk, Book);

        // After a ledger restart its marks are gone and positions are valued at cost: here 20% below the marked NAV.
        var state = await FeedAsync(risk, Unmarked(WithNav(Book, 80_000m)));

        Assert.Equal(0, state.ActionsTaken);
        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task A_ledger_view_with_unmarked_positions_does_not_raise_the_peak_nav()
    {
        var risk = Start();
        await FeedAsync(risk, Book);

        var state = await FeedAsync(risk, Unmarked(WithNav(Book, 130_000m)));

        Assert.Equal(100_000m, state.PeakNav);
    }

    [Fact]
    public async Task A_nav_of_zero_is_journaled_as_the_peak_once_not_on_every_change()
    {
        var risk = Start();
        var empty = LedgerOf(0m);

        await FeedAsync(risk, empty, empty, empty);

        Assert.Single((await JournaledAsync()).OfType<RiskNavHighsRaised>());
    }

    [Fact]
    public async Task Reduce_positions_makes_trading_reducing_only_and_cuts_every_position_by_half_through_the_order_manager()
    {
        var risk = Start();
        await FeedAsync(risk, Book, WithNav(Book, 90_000m));

        var permission = await Orders.ExpectMsgAsync<TradingPermission>();
        await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
        var submits = await ExpectSubmitsAsync(2);

        Assert.Equal((true, true), (permission.Allowed, permission.ReducingOnly));
        Assert.StartsWith("risk: REDUCING since 2026-01-05 14:30:00Z (drawdown 10.00% from 100,000.00 reached the reduce-positions level 10.00%", permission.Reason, StringComparison.Ordinal);
        Assert.Equal([(Aapl, OrderSide.Sell, 50m), (Msft, OrderSide.Sell, 50m)], submits.Select(s => (s.Intent.Symbol, s.Intent.Side, s.Intent.Quantity)));
        Assert.Equal(
            [ClientOrderIds.For(TestAccount, "risk", "risk-reduce-positions-1", Aapl, OrderSide.Sell, "reduce"), ClientOrderIds.For(TestAccount, "risk", "risk-reduce-positions-1", Msft, OrderSide.Sell, "reduce")],
            submits.Select(s => s.Intent.ClientOrderId));
        Assert.All(submits, s => Assert.True(s.Intent.ReducesExposure));
    }

    [Fact]
    public async Task The_state_change_is_journaled_with_reason_and_time_before_the_action_is_sent()
    {
        var risk = Start();
        await ReduceAsync(risk);

        var events = await JournaledAsync();

        var changed = Assert.Single(events.OfType<RiskTradingStateChanged>());
        Assert.Equal((TradingState.Active, TradingState.Reducing, "risk", Scheduler.Now), (changed.From, changed.To, changed.ChangedBy, changed.At));
        Assert.StartsWith("drawdown 10.00%", changed.Reason, StringComparison.Ordinal);
        var taken = Assert.Single(events.OfType<RiskActionTaken>());
        Assert.Equal((1, RiskAction.ReducePositions, true), (taken.Number, taken.Action, taken.CancelOpenOrders));
        Assert.Equal(["drawdown.reduce-positions", "drawdown.tighten-stops"], taken.Breakers);
        Assert.True(events.IndexOf(changed) < events.IndexOf(taken));
    }

    [Fact]
    public async Task Close_all_positions_closes_every_position_in_full()
    {
        var risk = Start();
        await FeedAsync(risk, Book, WithNav(Book, 85_000m));

        await Orders.ExpectMsgAsync<TradingPermission>();
        await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
        var submits = await ExpectSubmitsAsync(2);

        Assert.Equal([(Aapl, 100m, "close"), (Msft, 100m, "close")], submits.Select(s => (s.Intent.Symbol, s.Intent.Quantity, s.Intent.Leg)));
        Assert.All(submits, s => Assert.Equal("risk-close-all-positions-1", s.Intent.RebalanceId));
        Assert.Equal(TradingState.Reducing, (await StateAsync(risk)).Status.State);
    }

    [Fact]
    public async Task Halt_forbids_trading_and_cancels_open_orders_without_placing_any()
    {
        var risk = Start();
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);
        await FeedAsync(risk, Book, WithNav(Book, 97_000m));

        var permission = await Orders.ExpectMsgAsync<TradingPermission>();
        var cancel = await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
        var state = await StateAsync(risk);

        Assert.Equal((false, false), (permission.Allowed, permission.ReducingOnly));
        Assert.StartsWith("risk action 1: daily-loss 3.00% from 100,000.00 reached the halt level 3.00%", cancel.Reason, StringComparison.Ordinal);
        Assert.Equal(TradingState.Halted, state.Status.State);
        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task Tighten_stops_places_stop_orders_and_leaves_trading_active()
    {
        var risk = Start();
        await FeedAsync(risk, Book, WithNav(Book, 95_000m));

        var submits = await ExpectSubmitsAsync(2);

        Assert.Equal([(Aapl, 294.00m), (Msft, 196.00m)], submits.Select(s => (s.Intent.Symbol, s.Intent.StopPrice!.Value)));
        Assert.All(submits, s => Assert.Equal((OrderType.Stop, "risk-tighten-stops-1"), (s.Intent.Type, s.Intent.RebalanceId)));
        Assert.Equal(TradingState.Active, (await StateAsync(risk)).Status.State);
    }

    [Fact]
    public async Task A_tripped_breaker_does_not_act_again_on_a_further_loss_below_the_next_level()
    {
        var risk = Start();
        var submits = await ReduceAsync(risk);
        Acknowledge(risk, submits);

        var state = await FeedAsync(risk, WithNav(Book, 89_000m));

        Assert.Equal(1, state.ActionsTaken);
        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task A_deeper_loss_escalates_with_the_next_action_number()
    {
        var risk = Start();
        await FeedAsync(risk, Book, WithNav(Book, 95_000m));
        Acknowledge(risk, await ExpectSubmitsAsync(2), cancel: false);

        await FeedAsync(risk, WithNav(Book, 90_000m));
        await Orders.ExpectMsgAsync<TradingPermission>();
        await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
        var submits = await ExpectSubmitsAsync(2);

        Assert.All(submits, s => Assert.Equal("risk-reduce-positions-2", s.Intent.RebalanceId));
    }

    [Fact]
    public async Task While_halted_a_deeper_loss_places_no_orders()
    {
        var risk = Start();
        await HaltAsync(risk);

        var state = await FeedAsync(risk, WithNav(Book, 80_000m));

        Assert.False(Orders.HasMessages);
        Assert.Equal(2, state.ActionsTaken);
        Assert.Contains("drawdown.close-all-positions", state.TrippedBreakers);
        Assert.False(Assert.Single((await JournaledAsync()).OfType<RiskActionTaken>(), t => t.Number == 2).Executed);
    }

    [Fact]
    public async Task A_new_day_does_not_lift_a_halt_but_an_operator_resume_does()
    {
        var risk = Start();
        await HaltAsync(risk);

        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday.AddDays(1), 97_000m), DefaultTimeout);
        var afterNewDay = await StateAsync(risk);
        var resumed = await risk.Ask<RiskCommandResult>(new ResumeTrading("alice", "loss understood"), DefaultTimeout);
        var permission = await Orders.ExpectMsgAsync<TradingPermission>();

        Assert.Equal(TradingState.Halted, afterNewDay.Status.State);
        Assert.True(resumed.Accepted);
        Assert.Equal(TradingState.Active, resumed.State.Status.State);
        Assert.Equal("alice", resumed.State.Status.ChangedBy);
        Assert.Equal((true, false), (permission.Allowed, permission.ReducingOnly));
        Assert.Equal("risk: ACTIVE since 2026-01-05 14:30:00Z (resumed by alice: loss understood)", permission.Reason);
    }

    [Fact]
    public async Task A_resume_without_an_operator_is_refused()
    {
        var risk = Start();
        await HaltAsync(risk);

        var result = await risk.Ask<RiskCommandResult>(new ResumeTrading(" ", "why not"), DefaultTimeout);

        Assert.False(result.Accepted);
        Assert.Equal(TradingState.Halted, result.State.Status.State);
        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task When_configured_a_new_day_lifts_reducing()
    {
        var settings = RiskSettings.Default with { NewDayResume = NewDayResume.Reducing };
        var risk = Start(settings);
        Acknowledge(risk, await ReduceAsync(risk));

        var result = await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 90_000m), DefaultTimeout);
        var permission = await Orders.ExpectMsgAsync<TradingPermission>();

        Assert.Equal(TradingState.Active, result.State.Status.State);
        Assert.Equal("new-day", result.State.Status.ChangedBy);
        Assert.Equal((true, false), (permission.Allowed, permission.ReducingOnly));
    }

    [Fact]
    public async Task A_restarted_risk_manager_recovers_its_state_and_tells_the_order_manager_again()
    {
        var risk = Start();
        Acknowledge(risk, await ReduceAsync(risk));
        var before = await StateAsync(risk);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await StateAsync(risk)).ActionsPending));

        risk = await RestartAsync(risk);
        var after = await StateAsync(risk);
        var permission = await Orders.ExpectMsgAsync<TradingPermission>();

        Assert.Equal(before.Status, after.Status);
        Assert.Equal(100_000m, after.PeakNav);
        Assert.Equal(["drawdown.reduce-positions", "drawdown.tighten-stops"], after.TrippedBreakers);
        Assert.Equal((true, true), (permission.Allowed, permission.ReducingOnly));
        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task An_action_the_order_manager_did_not_answer_is_sent_again_after_a_restart_with_the_same_ids()
    {
        var risk = Start();
        var first = await ReduceAsync(risk);

        risk = await RestartAsync(risk);
        await StateAsync(risk);
        await Orders.ExpectMsgAsync<TradingPermission>();
        await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
        var again = await ExpectSubmitsAsync(2);

        Assert.Equal(first.Select(s => s.Intent.ClientOrderId), again.Select(s => s.Intent.ClientOrderId));
    }

    [Fact]
    public async Task An_unanswered_action_is_sent_again_every_resend_interval_until_answered()
    {
        var risk = Start();
        var first = await ReduceAsync(risk);
        // The reply comes after the message that sent the action (and started the resend timer) was handled.
        await StateAsync(risk);

        Scheduler.Advance(RiskSettings.Default.ActionResendInterval);
        await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
        var again = await ExpectSubmitsAsync(2);
        Acknowledge(risk, again);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await StateAsync(risk)).ActionsPending));
        Scheduler.Advance(RiskSettings.Default.ActionResendInterval);
        await StateAsync(risk);

        Assert.Equal(first.Select(s => s.Intent.ClientOrderId), again.Select(s => s.Intent.ClientOrderId));
        Assert.False(Orders.HasMessages);
    }

    [Fact]
    public async Task The_peak_nav_survives_a_restart_so_a_later_drawdown_is_measured_from_it()
    {
        var risk = Start();
        await FeedAsync(risk, Book, WithNav(Book, 120_000m));

        risk = await RestartAsync(risk);
        await FeedAsync(risk, WithNav(Book, 108_000m));

        var permission = await Orders.ExpectMsgAsync<TradingPermission>();
        Assert.Contains("drawdown 10.00% from 120,000.00", permission.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_events_are_published_on_the_event_stream()
    {
        var watcher = CreateTestProbe();
        Sys.EventStream.Subscribe(watcher.Ref, typeof(RiskEventOccurred));
        var risk = Start();

        await HaltAsync(risk);

        // The watcher takes its messages on its own thread: read until the three have come (or time out).
        var events = new List<object>();
        while (!events.Any(e => e is RiskDayStarted) || !events.Any(e => e is RiskTradingStateChanged { To: TradingState.Halted }) || !events.Any(e => e is RiskActionTaken { Action: RiskAction.Halt }))
            events.Add((await watcher.ExpectMsgAsync<RiskEventOccurred>()).Event);
        Assert.Contains(events, e => e is RiskDayStarted);
        Assert.Contains(events, e => e is RiskTradingStateChanged { To: TradingState.Halted });
        Assert.Contains(events, e => e is RiskActionTaken { Action: RiskAction.Halt });
    }

    [Fact]
    public async Task A_start_of_day_before_the_current_day_is_refused()
    {
        var risk = Start();
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);

        var result = await risk.Ask<RiskCommandResult>(new StartOfDay(Monday.AddDays(-1), 100_000m), DefaultTimeout);

        Assert.False(result.Accepted);
        Assert.Equal(Monday, result.State.Day);
    }
}
