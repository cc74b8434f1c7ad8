using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Trading.Ledger;
using static ActorTrader.Trading.Tests.Ledger.Fills;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>Reconciliation with the broker: every difference is journaled, alerted and the broker's value adopted.</summary>
public sealed class LedgerActorReconciliationTests : LedgerTestKit
{
    private async Task<PositionsReconciled> Reconcile(IActorRef ledger, decimal brokerCash, params BrokerPosition[] positions) =>
        await ledger.Ask<PositionsReconciled>(new ReconcilePositions(positions, brokerCash, "rec-1"), DefaultTimeout);

    [Fact]
    public async Task A_ledger_that_matches_the_broker_journals_nothing()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        var written = Journal.Written;

        var result = await Reconcile(ledger, 8_999m, Held(Aapl, 10, 100m));

        Assert.Equal("rec-1", result.ReconciliationId);
        Assert.Empty(result.Discrepancies);
        Assert.Equal(written, Journal.Written);
    }

    [Fact]
    public async Task A_position_only_the_broker_holds_is_adopted_at_its_average_entry_price()
    {
        var ledger = StartLedger(Margin(10_000m));

        var result = await Reconcile(ledger, 10_000m, Held(Msft, 5, 401.25m));
        var view = await ViewOf(ledger);

        Assert.Equal([new LedgerDiscrepancy("NASDAQ:MSFT", 0m, 5m)], result.Discrepancies);
        Assert.Equal([new Position(Msft, 5, 401.25m)], view.Positions);
        Assert.Equal(2, Journal.Written);
    }

    [Fact]
    public async Task A_position_the_broker_does_not_hold_is_closed_without_realising_pnl()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");

        var result = await Reconcile(ledger, 9_000m);
        var view = await ViewOf(ledger);

        Assert.Equal([new LedgerDiscrepancy("NASDAQ:AAPL", 10m, 0m)], result.Discrepancies);
        Assert.Empty(view.Positions);
        Assert.Equal(0m, view.RealisedPnl);
    }

    [Fact]
    public async Task A_different_quantity_takes_the_brokers_quantity_and_average_cost()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");

        await Reconcile(ledger, 9_000m, Held(Aapl, 12, 101m));

        Assert.Equal([new Position(Aapl, 12, 101m)], (await ViewOf(ledger)).Positions);
    }

    [Fact]
    public async Task A_cash_difference_beyond_the_tolerance_adopts_the_brokers_cash()
    {
        var ledger = StartLedger(Margin(10_000m));

        var result = await Reconcile(ledger, 9_950.5m);

        Assert.Equal([new LedgerDiscrepancy("cash", 10_000m, 9_950.5m)], result.Discrepancies);
        Assert.Equal(9_950.5m, (await ViewOf(ledger)).Cash);
    }

    [Fact]
    public async Task A_cash_difference_within_the_tolerance_is_not_a_discrepancy()
    {
        var ledger = StartLedger(Margin(10_000m));

        var result = await Reconcile(ledger, 10_000.01m);

        Assert.Empty(result.Discrepancies);
        Assert.Equal(10_000m, (await ViewOf(ledger)).Cash);
    }

    [Fact]
    public async Task Each_discrepancy_publishes_an_alert_naming_both_values()
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts.Ref, typeof(LedgerDiscrepancyAlert));
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");

        await Reconcile(ledger, 8_000m, Held(Aapl, 7, 100m));

        var position = await alerts.ExpectMsgAsync<LedgerDiscrepancyAlert>();
        var cash = await alerts.ExpectMsgAsync<LedgerDiscrepancyAlert>();
        Assert.Equal(new LedgerDiscrepancy("NASDAQ:AAPL", 10m, 7m), position.Discrepancy);
        Assert.Equal(new LedgerDiscrepancy("cash", 9_000m, 8_000m), cash.Discrepancy);
        Assert.Equal(AccountId, cash.AccountId);
        Assert.Equal("rec-1", cash.ReconciliationId);
        Assert.Contains("9000", cash.Message, StringComparison.Ordinal);
        Assert.Contains("8000", cash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adopted_values_are_journaled_and_survive_a_restart()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");
        await Reconcile(ledger, 8_500m, Held(Aapl, 12, 101m), Held(Msft, -3, 400m));

        var view = await ViewOf(await RestartAsync(ledger));

        Assert.Equal([new Position(Aapl, 12, 101m), new Position(Msft, -3, 400m)], view.Positions);
        Assert.Equal(8_500m, view.Cash);
        Assert.Equal(2 + 3, Journal.Written);
    }

    [Fact]
    public async Task A_reconciliation_publishes_the_changed_ledger()
    {
        var changes = CreateTestProbe();
        var ledger = StartLedger(Margin(10_000m));
        await ViewOf(ledger);
        Sys.EventStream.Subscribe(changes.Ref, typeof(LedgerChanged));

        await Reconcile(ledger, 10_000m, Held(Msft, 5, 400m));

        Assert.Equal([new Position(Msft, 5, 400m)], (await changes.ExpectMsgAsync<LedgerChanged>()).View.Positions);
    }

    [Fact]
    public async Task A_broker_list_naming_a_symbol_twice_is_refused_and_nothing_is_adopted()
    {
        var ledger = StartLedger(Margin(10_000m));
        await ViewOf(ledger);
        var written = Journal.Written;

        var refusal = await Assert.ThrowsAsync<LedgerException>(() => Reconcile(ledger, 10_000m, Held(Msft, 5, 400m), Held(Msft, 1, 400m)));

        Assert.Contains("NASDAQ:MSFT", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(written, Journal.Written);
    }

    [Fact]
    public async Task Reconciliation_adopts_the_broker_accounts_kind_and_journals_it()
    {
        var ledger = StartLedger(Cash(10_000m));
        await ViewOf(ledger);
        var written = Journal.Written;

        var result = await ledger.Ask<PositionsReconciled>(new ReconcilePositions([], 10_000m, "rec-1", AccountKind.Margin), DefaultTimeout);

        Assert.Equal(AccountKind.Margin, result.AdoptedKind);
        Assert.Empty(result.Discrepancies);
        Assert.Equal(written + 1, Journal.Written);
        Assert.Equal(AccountKind.Margin, (await ViewOf(await RestartAsync(ledger, Cash(10_000m)))).Kind);
    }

    [Fact]
    public async Task A_short_the_broker_holds_on_its_margin_account_is_adopted_under_margin_rules()
    {
        var ledger = StartLedger(Cash(10_000m));

        await ledger.Ask<PositionsReconciled>(new ReconcilePositions([Held(Msft, -3, 400m)], 11_200m, "rec-1", AccountKind.Margin), DefaultTimeout);
        await Book(ledger, Sell(Msft, 2, 400m), "e1");

        var view = await ViewOf(ledger);
        Assert.Equal((AccountKind.Margin, -5m), (view.Kind, Assert.Single(view.Positions).Quantity));
    }

    [Fact]
    public async Task A_broker_of_the_same_kind_changes_nothing()
    {
        var ledger = StartLedger(Margin(10_000m));
        await ViewOf(ledger);
        var written = Journal.Written;

        var result = await ledger.Ask<PositionsReconciled>(new ReconcilePositions([], 10_000m, "rec-1", AccountKind.Margin), DefaultTimeout);

        Assert.Null(result.AdoptedKind);
        Assert.Equal(written, Journal.Written);
    }
}
