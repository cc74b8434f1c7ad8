using ActorTrader.Actors;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Ledger;
using static ActorTrader.Trading.Tests.Ledger.Fills;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>Booking fills: average cost, flips, shorts, fees, broker fills a cash account forbids, and idempotency on the execution id.</summary>
public sealed class LedgerActorBookingTests : LedgerTestKit
{
    [Fact]
    public async Task A_new_ledger_opens_with_the_configured_cash_and_kind()
    {
        var view = await ViewOf(StartLedger(Cash(25_000m)));

        Assert.Equal(AccountId, view.AccountId);
        Assert.Equal(AccountKind.Cash, view.Kind);
        Assert.Equal(25_000m, view.Cash);
        Assert.Equal(25_000m, view.NetAssetValue);
        Assert.Empty(view.Positions);
        Assert.Equal(1, Journal.Written);
    }

    [Fact]
    public async Task Buying_twice_averages_the_cost_and_charges_the_fees_to_cash()
    {
        var ledger = StartLedger(Margin(10_000m));

        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Buy(Aapl, 10, 110m, 1m), "e2");
        var view = await ViewOf(ledger);

        Assert.Equal([new Position(Aapl, 20, 105m)], view.Positions);
        Assert.Equal(7_898m, view.Cash);
        Assert.Equal(2m, view.Fees);
        Assert.Equal(0m, view.RealisedPnl);
        Assert.Equal(2, view.FillCount);
    }

    [Fact]
    public async Task Selling_part_realises_against_the_average_cost_and_keeps_it()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Buy(Aapl, 10, 110m, 1m), "e2");

        await Book(ledger, Sell(Aapl, 5, 120m, 0.5m), "e3");
        var view = await ViewOf(ledger);

        Assert.Equal([new Position(Aapl, 15, 105m)], view.Positions);
        Assert.Equal(75m, view.RealisedPnl);
        Assert.Equal(8_497.5m, view.Cash);
        Assert.Equal(2.5m, view.Fees);
    }

    [Fact]
    public async Task Selling_through_zero_closes_the_long_and_opens_a_short_at_the_fill_price()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 20, 105m), "e1");

        await Book(ledger, Sell(Aapl, 25, 100m, 1.25m), "e2");
        var view = await ViewOf(ledger);

        Assert.Equal([new Position(Aapl, -5, 100m)], view.Positions);
        Assert.Equal(-100m, view.RealisedPnl);
        Assert.Equal(10_000m - 2_100m + 2_500m - 1.25m, view.Cash);
    }

    [Fact]
    public async Task Covering_part_of_a_short_realises_the_gain_below_the_average_cost()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Sell(Msft, 10, 100m, 1m), "e1");

        await Book(ledger, Buy(Msft, 4, 90m, 0.4m), "e2");
        var view = await ViewOf(ledger);

        Assert.Equal([new Position(Msft, -6, 100m)], view.Positions);
        Assert.Equal(40m, view.RealisedPnl);
        Assert.Equal(10_000m + 1_000m - 1m - 360m - 0.4m, view.Cash);
        Assert.Equal(1.4m, view.Fees);
    }

    [Fact]
    public async Task Marked_positions_give_unrealised_pnl_exposures_and_nav()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Sell(Msft, 6, 100m), "e2");

        ledger.Tell(new MarkPrices([Quote(Aapl, 103.5m), Quote(Msft, 95m)]), TestActor);
        var view = await ViewOf(ledger);

        Assert.Equal(35m + 30m, view.UnrealisedPnl);
        Assert.Equal(1_035m + 570m, view.GrossExposure);
        Assert.Equal(1_035m - 570m, view.NetExposure);
        Assert.Equal(10_000m - 1_000m - 1m + 600m + 1_035m - 570m, view.NetAssetValue);
        Assert.Equal(10_000m + view.RealisedPnl + view.UnrealisedPnl - view.Fees, view.NetAssetValue);
    }

    [Fact]
    public async Task A_broker_fill_a_cash_account_forbids_is_booked_and_alerted_naming_the_fill_and_the_rule()
    {
        var violations = CreateTestProbe();
        Sys.EventStream.Subscribe(violations.Ref, typeof(LedgerRuleViolationAlert));
        var ledger = StartLedger(Cash(10_000m));

        var booked = await Book(ledger, Sell(Aapl, 1, 100m), "e1", deliveryId: 3);
        var view = await ViewOf(ledger);

        var alert = await violations.ExpectMsgAsync<LedgerRuleViolationAlert>();
        Assert.Equal(new FillBooked("e1", 3, AlreadyBooked: false), booked);
        Assert.Equal([new Position(Aapl, -1, 100m)], view.Positions);
        Assert.Equal(10_100m, view.Cash);
        Assert.Equal((AccountId, "e1", "order-AAPL"), (alert.AccountId, alert.ExecutionId, alert.Fill.ClientOrderId));
        Assert.Contains("cannot go short", alert.Rule, StringComparison.Ordinal);
        Assert.Contains("execution e1", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fill_within_the_rules_publishes_no_rule_violation_alert()
    {
        var violations = CreateTestProbe();
        Sys.EventStream.Subscribe(violations.Ref, typeof(LedgerRuleViolationAlert));
        var ledger = StartLedger(Cash(10_000m));

        await Book(ledger, Buy(Aapl, 1, 100m), "e1");
        await Book(ledger, Sell(Aapl, 2, 100m), "e2");

        // The first alert is the second fill's: the first fill raised none.
        Assert.Equal("e2", (await violations.ExpectMsgAsync<LedgerRuleViolationAlert>()).ExecutionId);
    }

    [Fact]
    public async Task A_broker_fill_booked_against_the_cash_account_rules_is_recovered_after_a_restart()
    {
        var ledger = StartLedger(Cash(1_000m));
        await Book(ledger, Buy(Aapl, 10, 101m), "e1");
        var before = await ViewOf(ledger);

        var after = await ViewOf(await RestartAsync(ledger, Cash(1_000m)));

        Assert.Equal(-10m, after.Cash);
        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(1, after.FillCount);
    }

    [Fact]
    public async Task A_fill_without_an_execution_id_is_refused()
    {
        var ledger = StartLedger();

        await Assert.ThrowsAsync<ArgumentException>(() => Book(ledger, Buy(Aapl, 1, 100m), " "));

        Assert.Equal(0, (await ViewOf(ledger)).FillCount);
    }

    [Fact]
    public async Task The_same_execution_id_is_acknowledged_again_and_booked_once()
    {
        var ledger = StartLedger(Margin(10_000m));
        var first = await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1", deliveryId: 7);

        var second = await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1", deliveryId: 8);
        var view = await ViewOf(ledger);

        Assert.Equal(new FillBooked("e1", 7, AlreadyBooked: false), first);
        Assert.Equal(new FillBooked("e1", 8, AlreadyBooked: true), second);
        Assert.Equal(1, view.FillCount);
        Assert.Equal(8_999m, view.Cash);
        Assert.Equal(2, Journal.Written);
    }

    [Fact]
    public async Task Every_booked_fill_publishes_the_changed_ledger()
    {
        var changes = CreateTestProbe();
        Sys.EventStream.Subscribe(changes.Ref, typeof(LedgerChanged));
        var ledger = StartLedger(Margin(10_000m));
        await changes.ExpectMsgAsync<LedgerChanged>(c => c.View.FillCount == 0);

        await Book(ledger, Buy(Spy, 2, 500m), "e1");

        var changed = await changes.ExpectMsgAsync<LedgerChanged>();
        Assert.Equal(1, changed.View.FillCount);
        Assert.Equal(9_000m, changed.View.Cash);
        Assert.Equal([new Position(Spy, 2, 500m)], changed.View.Positions);
    }

    [Fact]
    public async Task A_duplicate_fill_publishes_no_change()
    {
        var changes = CreateTestProbe();
        var ledger = StartLedger();
        await Book(ledger, Buy(Spy, 2, 500m), "e1");
        Sys.EventStream.Subscribe(changes.Ref, typeof(LedgerChanged));

        await Book(ledger, Buy(Spy, 2, 500m), "e1");
        await Book(ledger, Buy(Spy, 1, 500m), "e2");

        // The next change seen is the second fill's (2 + 1 shares): the duplicate published nothing in between.
        var next = await changes.ExpectMsgAsync<LedgerChanged>();
        Assert.Equal([new Position(Spy, 3, 500m)], next.View.Positions);
        Assert.Equal(2, next.View.FillCount);
    }

    [Fact]
    public async Task Positions_are_listed_in_symbol_order()
    {
        var ledger = StartLedger(Margin(100_000m));
        await Book(ledger, Buy(Spy, 1, 500m), "e1");
        await Book(ledger, Buy(Msft, 1, 400m), "e2");
        await Book(ledger, Buy(Aapl, 1, 200m), "e3");

        var view = await ViewOf(ledger);

        Assert.Equal(new Symbol[] { Aapl, Msft, Spy }, view.Positions.Select(p => p.Symbol));
    }
}
