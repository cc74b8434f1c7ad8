using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>Cancels go through the broker; the outcome comes back as a trade update.</summary>
public sealed class OrderManagerCancelTests : OrderTestKit
{
    [Fact]
    public async Task Cancelling_an_open_order_asks_the_broker_and_its_update_cancels_the_order()
    {
        var (_, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        var order = await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);

        var requested = await AskAsync<OrderCancelRequested>(orders, new CancelOrder(accepted.ClientOrderId, "rebalance changed"));

        Assert.Equal(accepted.ClientOrderId, requested.ClientOrderId);
        Assert.Equal([order.BrokerOrderId], Venue.CallsOf(ScriptedBrokerAccount.Cancel).Select(c => c.Argument));
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.Canceled);
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_refused_with_the_fix()
    {
        var (_, orders) = await StartTradingAsync();

        var refused = await AskAsync<OrderCancelRefused>(orders, new CancelOrder("at-nope", "test"));

        Assert.Contains("no order at-nope", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(Venue.CallsOf(ScriptedBrokerAccount.Cancel));
    }

    [Fact]
    public async Task Cancelling_a_final_order_is_refused()
    {
        var (_, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Fill(accepted.ClientOrderId, 10m, 100m);
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.Filled);

        var refused = await AskAsync<OrderCancelRefused>(orders, new CancelOrder(accepted.ClientOrderId, "test"));

        Assert.Contains("already filled", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancel_the_broker_refuses_is_answered_with_the_broker_reason()
    {
        var (_, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Script(ScriptedBrokerAccount.Cancel, ScriptedBrokerOutcome.Reject("order is not cancelable", "not_cancelable"));

        var refused = await AskAsync<OrderCancelRefused>(orders, new CancelOrder(accepted.ClientOrderId, "test"));

        Assert.Contains("not cancelable", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_all_open_orders_goes_through_the_broker_even_when_trading_is_not_permitted()
    {
        var (_, orders) = await StartTradingAsync();
        var first = await SubmitAsync(orders, Intent("r-1"));
        var second = await SubmitAsync(orders, Intent("r-2", side: OrderSide.Sell));
        await AwaitStatusAsync(orders, first.ClientOrderId, OrderState.New);
        await AwaitStatusAsync(orders, second.ClientOrderId, OrderState.New);
        orders.Tell(new TradingPermission(false, false, "kill switch"), TestActor);

        var canceled = await AskAsync<OpenOrdersCanceled>(orders, new CancelAllOpenOrders("kill switch"));

        Assert.Equal(2, canceled.Count);
        Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.CancelAll));
        await AwaitStatusAsync(orders, first.ClientOrderId, OrderState.Canceled);
        await AwaitStatusAsync(orders, second.ClientOrderId, OrderState.Canceled);
    }

    [Fact]
    public async Task A_cancel_all_the_broker_cannot_take_is_answered_as_failed()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.Script(ScriptedBrokerAccount.CancelAll, ScriptedBrokerOutcome.ServerError);

        var failed = await AskAsync<CancelAllOpenOrdersFailed>(orders, new CancelAllOpenOrders("risk halt"));

        Assert.Contains("500", failed.Reason, StringComparison.Ordinal);
    }
}
