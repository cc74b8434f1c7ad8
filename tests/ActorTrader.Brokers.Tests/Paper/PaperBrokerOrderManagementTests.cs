using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerOrderManagementTests : PaperBrokerTestBase
{
    [Fact]
    public async Task Broker_order_ids_follow_a_sequence()
    {
        var broker = Open();

        var first = await Buy(broker, "a", Aapl, 1);
        var second = await Buy(broker, "b", Aapl, 1);

        Assert.Equal(("paper-1", "paper-2"), (first.BrokerOrderId, second.BrokerOrderId));
    }

    [Fact]
    public async Task Canceling_an_open_order_ends_it_and_it_never_fills()
    {
        var broker = Open();
        var order = await Buy(broker, "buy-1", Aapl, 10);

        await broker.CancelOrderAsync(order.BrokerOrderId);

        Assert.Empty(await Publish(broker, Quote(Aapl, 100m, Monday(14, 40))));
        Assert.Equal(OrderStatus.Canceled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Canceling_a_filled_order_is_refused()
    {
        var broker = Open();
        var order = await Buy(broker, "buy-1", Aapl, 10);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)));

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => broker.CancelOrderAsync(order.BrokerOrderId));

        Assert.Equal(PaperReasonCodes.OrderNotCancelable, error.ReasonCode);
    }

    [Fact]
    public async Task Canceling_an_unknown_order_is_refused_naming_it()
    {
        var broker = Open();

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => broker.CancelOrderAsync("paper-99"));

        Assert.Equal((PaperReasonCodes.OrderNotFound, 404), (error.ReasonCode, error.StatusCode));
        Assert.Contains("paper-99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_all_cancels_every_open_order()
    {
        var broker = Open();
        await Buy(broker, "a", Aapl, 1);
        await Buy(broker, "b", Msft, 1);

        await broker.CancelAllOrdersAsync();

        Assert.Empty(await broker.GetOrdersAsync(new OrderQuery()));
        Assert.Equal(2, (await broker.GetOrdersAsync(new OrderQuery(OrderQueryStatus.Closed))).Count);
    }

    [Fact]
    public async Task Replacing_an_order_ends_it_as_replaced_and_the_new_order_works_from_the_next_quote()
    {
        var broker = Open();
        var old = await broker.SubmitOrderAsync(OrderRequest.Limit("limit-1", Aapl, OrderSide.Buy, 10, 90m));

        var replacement = await broker.ReplaceOrderAsync(old.BrokerOrderId, new OrderReplacement(LimitPrice: 95m));

        Assert.Equal(("paper-2", "paper-1-replacement", "paper-1", 95m), (replacement.BrokerOrderId, replacement.ClientOrderId, replacement.Replaces, replacement.LimitPrice));
        var ended = await Order(broker, old);
        Assert.Equal((OrderStatus.Replaced, "paper-2"), (ended.Status, ended.ReplacedBy));
        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 94m, Monday(14, 40))));
        Assert.Equal("paper-2", fill.Order.BrokerOrderId);
    }

    [Fact]
    public async Task Closing_a_position_submits_a_market_order_with_a_deterministic_client_id()
    {
        var broker = Open();
        await Buy(broker, "buy-1", Aapl, 10);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)));

        var close = await broker.ClosePositionAsync(Aapl);
        await Publish(broker, Quote(Aapl, 101m, Monday(14, 45)));

        Assert.Equal(("close-NASDAQ:AAPL-1", OrderSide.Sell, OrderType.Market, 10m), (close.ClientOrderId, close.Side, close.Type, close.Quantity));
        Assert.Empty(await broker.GetPositionsAsync());
        Assert.Contains(broker.SubmissionLog(), r => r.ClientOrderId == "close-NASDAQ:AAPL-1" && r.Outcome == SubmissionOutcome.Accepted);
    }

    [Fact]
    public async Task Closing_part_of_a_short_position_buys_that_quantity()
    {
        var broker = Open();
        await Sell(broker, "short-1", Aapl, 10);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)));

        var close = await broker.ClosePositionAsync(Aapl, 4m);

        Assert.Equal((OrderSide.Buy, 4m), (close.Side, close.Quantity));
    }

    [Fact]
    public async Task Closing_a_symbol_without_a_position_is_refused()
    {
        var broker = Open();

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => broker.ClosePositionAsync(Aapl));

        Assert.Equal(PaperReasonCodes.NoPosition, error.ReasonCode);
    }

    [Fact]
    public async Task Closing_all_cancels_open_orders_and_closes_every_position()
    {
        var broker = Open();
        await Buy(broker, "buy-1", Aapl, 10);
        await Sell(broker, "short-1", Msft, 5);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)), Quote(Msft, 300m, Monday(14, 40)));
        var pending = await broker.SubmitOrderAsync(OrderRequest.Limit("limit-1", Aapl, OrderSide.Buy, 10, 50m, TimeInForce.Gtc));

        var closes = await broker.CloseAllPositionsAsync();
        await Publish(broker, Quote(Aapl, 101m, Monday(14, 45)), Quote(Msft, 299m, Monday(14, 45)));

        Assert.Equal([("close-NASDAQ:AAPL-1", OrderSide.Sell, 10m), ("close-NASDAQ:MSFT-2", OrderSide.Buy, 5m)],
            closes.Select(o => (o.ClientOrderId, o.Side, o.Quantity)));
        Assert.Equal(OrderStatus.Canceled, (await Order(broker, pending)).Status);
        Assert.Empty(await broker.GetPositionsAsync());
    }

    [Fact]
    public async Task Open_orders_are_listed_newest_first()
    {
        var broker = Open();
        await Buy(broker, "a", Aapl, 1);
        await Buy(broker, "b", Aapl, 1);

        var orders = await broker.GetOrdersAsync(new OrderQuery());

        Assert.Equal(["b", "a"], orders.Select(o => o.ClientOrderId));
    }
}
