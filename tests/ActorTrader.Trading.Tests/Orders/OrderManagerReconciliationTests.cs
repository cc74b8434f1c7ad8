using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>ReconcileOrders: the broker's truth for every order that may change, and its open orders this book never placed.</summary>
public sealed class OrderManagerReconciliationTests : OrderTestKit
{
    [Fact]
    public async Task Reconciliation_adopts_the_broker_status_and_books_the_fills_missing_here()
    {
        var (_, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        // Filled at the broker while the update was lost.
        Venue.Fill(accepted.ClientOrderId, 10m, 101m, push: false);

        var reconciled = await AskAsync<OrdersReconciled>(orders, new ReconcileOrders("rec-1"));

        Assert.Equal((1, 1, 1, 0), (reconciled.Checked, reconciled.Changed, reconciled.FillsAdded, reconciled.UnknownAdopted));
        var book = await Ledger.ExpectMsgAsync<BookFill>();
        Assert.Equal((10m, 101m), (book.Fill.Quantity, book.Fill.Price));
        var order = await OrderAsync(orders, accepted.ClientOrderId);
        Assert.Equal((OrderState.Filled, 10m), (order!.Status, order.FilledQuantity));
    }

    [Fact]
    public async Task A_fill_recovered_by_reconciliation_is_delivered_without_a_reported_commission()
    {
        var (_, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Fill(accepted.ClientOrderId, 10m, 101m, push: false);

        await AskAsync<OrdersReconciled>(orders, new ReconcileOrders("rec-1"));

        Assert.False((await Ledger.ExpectMsgAsync<BookFill>()).CommissionReported);
    }

    [Fact]
    public async Task A_fill_recovered_by_reconciliation_and_unconfirmed_at_a_snapshot_is_redelivered_without_a_reported_commission()
    {
        UseMemoryJournal();
        var settings = OrderSettings with { SnapshotInterval = 1 };
        var broker = StartBroker();
        var orders = StartOrders(broker, "orders-1", settings);
        await PermitAsync(orders);
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Fill(accepted.ClientOrderId, 10m, 101m, push: false);
        await AskAsync<OrdersReconciled>(orders, new ReconcileOrders("rec-1"));
        var lost = await Ledger.ExpectMsgAsync<BookFill>();
        await AwaitAssertAsync(async () => Assert.NotNull(await Persistence.Persistence.Get(Sys).SnapshotStore.LoadAsync(OrdersPersistenceId,
            new ActorTrader.Persistence.Snapshots.SnapshotSelectionCriteria(long.MaxValue, DateTimeOffset.MaxValue))));

        await StopAsync(orders);
        var restarted = StartOrders(broker, "orders-2", settings);
        await OrderAsync(restarted, accepted.ClientOrderId);
        Scheduler.Advance(OrderSettings.RedeliverInterval * 2);

        var again = await Ledger.ExpectMsgAsync<BookFill>();
        Assert.Equal((lost.ExecutionId, false), (again.ExecutionId, again.CommissionReported));
    }

    [Fact]
    public async Task Reconciliation_adopts_open_broker_orders_this_book_never_placed_as_journaled_discrepancies()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.AddOrder("manual-7", OrderSide.Sell, 5m, status: OrderStatus.PartiallyFilled, filled: 2m, averagePrice: 50m);

        var reconciled = await AskAsync<OrdersReconciled>(orders, new ReconcileOrders("rec-1"));

        Assert.Equal((1, 1), (reconciled.UnknownAdopted, reconciled.FillsAdded));
        Assert.Contains(reconciled.Discrepancies, d => d is { ClientOrderId: "manual-7", Kind: "unknown-broker-order" });
        Assert.Contains("order-unknown-broker-order-adopted", await JournaledManifestsAsync());
        Assert.Equal("order-reconciliation-recorded", (await JournaledManifestsAsync())[^1]);
        var adopted = await OrderAsync(orders, "manual-7");
        Assert.Equal((OrderState.PartiallyFilled, 2m, true), (adopted!.Status, adopted.FilledQuantity, adopted.Adopted));
        Assert.Equal(2m, (await Ledger.ExpectMsgAsync<BookFill>()).Fill.Quantity);
    }

    [Fact]
    public async Task Reconciling_twice_changes_nothing_the_second_time()
    {
        var (_, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Fill(accepted.ClientOrderId, 4m, 101m, push: false);
        await AskAsync<OrdersReconciled>(orders, new ReconcileOrders("rec-1"));

        var second = await AskAsync<OrdersReconciled>(orders, new ReconcileOrders("rec-2"));

        Assert.Equal((1, 0, 0, 0), (second.Checked, second.Changed, second.FillsAdded, second.UnknownAdopted));
        Assert.Empty(second.Discrepancies);
    }

    [Fact]
    public async Task Reconciliation_fails_when_the_broker_cannot_be_asked()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.Script(ScriptedBrokerAccount.ListOrders, ScriptedBrokerOutcome.ServerError);

        var failed = await AskAsync<OrderReconciliationFailed>(orders, new ReconcileOrders("rec-1"));

        Assert.Equal("rec-1", failed.ReconciliationId);
        Assert.Contains("500", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconciliation_fails_when_one_order_cannot_be_looked_up()
    {
        var (_, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Script(ScriptedBrokerAccount.Query, ScriptedBrokerOutcome.Timeout);

        var failed = await AskAsync<OrderReconciliationFailed>(orders, new ReconcileOrders("rec-1"));

        Assert.Contains(accepted.ClientOrderId, failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_awaiting_the_broker_past_the_grace_and_unknown_to_it_is_reconciled_as_never_accepted()
    {
        // No resolve tick within the test: only reconciliation may conclude.
        var (_, orders) = await StartTradingAsync(OrderSettings with { ResolveInterval = TimeSpan.FromHours(1) });
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.Timeout);
        Venue.Script(ScriptedBrokerAccount.Query, ScriptedBrokerOutcome.ServerError);
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.SubmitUnknown);
        await AwaitAssertAsync(() => Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Query)));
        Scheduler.Advance(OrderSettings.ResolveGrace);

        var reconciled = await AskAsync<OrdersReconciled>(orders, new ReconcileOrders("rec-1"));

        Assert.Equal(1, reconciled.NeverAccepted);
        Assert.Equal(OrderState.NeverAccepted, (await OrderAsync(orders, accepted.ClientOrderId))!.Status);
    }
}
