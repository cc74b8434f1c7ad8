using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerFillTests : PaperBrokerTestBase
{
    [Fact]
    public async Task Market_buy_fills_at_the_next_quote_with_slippage_and_commission()
    {
        var broker = Open();
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 31)));
        var order = await Buy(broker, "buy-1", Aapl, 100);

        var updates = await Publish(broker, Quote(Aapl, 101m, Monday(14, 40)));

        var fill = Assert.Single(updates);
        Assert.Equal(TradeUpdateEvent.Fill, fill.Event);
        Assert.Equal(101.0505m, fill.Price); // 101 × (1 + 5 bps), not the 100 known at submission
        Assert.Equal(100m, fill.Quantity);
        Assert.Equal(1.010505m, fill.Commission); // 1 bp of 10105.05
        Assert.Equal(Monday(14, 40), fill.Timestamp);
        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
        Assert.Equal(89_893.939495m, (await broker.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task An_order_does_not_fill_at_a_quote_published_before_it()
    {
        var broker = Open();
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 31)));

        var order = await Buy(broker, "buy-1", Aapl, 100);

        Assert.Equal(OrderStatus.New, order.Status);
        Assert.Empty(broker.Executions());
        Assert.Equal(100_000m, (await broker.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task An_order_does_not_fill_at_a_quote_published_after_it_but_stamped_before_it()
    {
        // A replay resumed after a crash publishes the day's open again, after orders sent later that day.
        var broker = Open();
        Clock.Set(Monday(20, 45));
        var order = await Buy(broker, "buy-1", Aapl, 100);

        Assert.Empty(await Publish(broker, Quote(Aapl, 90m, Monday(14, 30))));
        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 100m, Monday(21, 0))));

        Assert.Equal((TradeUpdateEvent.Fill, 100.05m), (fill.Event, fill.Price));
        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Market_sell_receives_the_quote_less_slippage()
    {
        var broker = Open();
        await Sell(broker, "short-1", Aapl, 10);

        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 200m, Monday(14, 40))));

        Assert.Equal(199.9m, fill.Price);
        Assert.Equal(0.1999m, fill.Commission);
        Assert.Equal(-10m, fill.PositionQuantity);
        Assert.Equal(101_998.8001m, (await broker.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task Limit_buy_stays_open_until_the_quote_crosses_its_limit()
    {
        var broker = Open();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("limit-1", Aapl, OrderSide.Buy, 10, 99m));

        Assert.Empty(await Publish(broker, Quote(Aapl, 100m, Monday(14, 40))));
        Assert.Equal(OrderStatus.New, (await Order(broker, order)).Status);

        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 98.5m, Monday(14, 45))));
        Assert.Equal(98.549250m, fill.Price);
    }

    [Fact]
    public async Task Limit_order_never_fills_worse_than_its_limit_after_slippage()
    {
        var broker = Open();
        await broker.SubmitOrderAsync(OrderRequest.Limit("limit-1", Aapl, OrderSide.Buy, 10, 100m));

        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 99.99m, Monday(14, 40))));

        Assert.Equal(100m, fill.Price);
    }

    [Fact]
    public async Task Limit_sell_stays_open_below_its_limit()
    {
        var broker = Open();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("limit-1", Aapl, OrderSide.Sell, 10, 101m));

        Assert.Empty(await Publish(broker, Quote(Aapl, 100.5m, Monday(14, 40))));

        Assert.Equal(OrderStatus.New, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Stop_buy_fills_once_the_quote_reaches_the_stop()
    {
        var broker = Open();
        var order = await broker.SubmitOrderAsync(new OrderRequest("stop-1", Aapl, OrderSide.Buy, 10, OrderType.Stop, TimeInForce.Day, stopPrice: 105m));

        Assert.Empty(await Publish(broker, Quote(Aapl, 104m, Monday(14, 40))));
        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 106m, Monday(14, 45))));

        Assert.Equal(106.053m, fill.Price);
        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task A_quote_with_volume_fills_at_most_the_participation_share_and_the_rest_stays_open()
    {
        var broker = Open(s => s with { SlippageBps = 0, CommissionBps = 0, MaxParticipation = 0.1m });
        var order = await Buy(broker, "buy-1", Aapl, 100, TimeInForce.Gtc);

        var first = Assert.Single(await Publish(broker, Quote(Aapl, 50m, Monday(14, 40), volume: 300)));
        Assert.Equal(TradeUpdateEvent.PartialFill, first.Event);
        Assert.Equal(30m, first.Quantity);
        Assert.Equal(OrderStatus.PartiallyFilled, (await Order(broker, order)).Status);

        var second = Assert.Single(await Publish(broker, Quote(Aapl, 52m, Monday(14, 45), volume: 10_000)));
        Assert.Equal(TradeUpdateEvent.Fill, second.Event);
        Assert.Equal(70m, second.Quantity);
        var done = await Order(broker, order);
        Assert.Equal(100m, done.FilledQuantity);
        Assert.Equal(51.4m, done.FilledAveragePrice); // (30 × 50 + 70 × 52) / 100
    }

    [Fact]
    public async Task Orders_on_one_quote_share_its_volume_oldest_first()
    {
        var broker = Open(s => s with { MaxParticipation = 0.1m });
        var first = await Buy(broker, "buy-1", Aapl, 50);
        var second = await Buy(broker, "buy-2", Aapl, 50);

        await Publish(broker, Quote(Aapl, 50m, Monday(14, 40), volume: 600));

        Assert.Equal(50m, (await Order(broker, first)).FilledQuantity);
        Assert.Equal(10m, (await Order(broker, second)).FilledQuantity);
    }

    [Fact]
    public async Task A_quote_without_volume_fills_the_whole_order()
    {
        var broker = Open(s => s with { MaxParticipation = 0.01m });
        var order = await Buy(broker, "buy-1", Aapl, 1_000);

        await Publish(broker, Quote(Aapl, 50m, Monday(14, 40)));

        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task The_minimum_commission_is_charged_once_per_order_across_partial_fills()
    {
        var broker = Open(s => s with { SlippageBps = 0, CommissionBps = 0, CommissionPerShare = 0.005m, MinCommission = 1m, MaxParticipation = 0.1m });
        await Buy(broker, "buy-1", Aapl, 300, TimeInForce.Gtc);

        var commissions = new List<decimal>();
        for (var i = 0; i < 3; i++)
        {
            var fill = Assert.Single(await Publish(broker, Quote(Aapl, 10m, Monday(14, 40 + i), volume: 1_000)));
            commissions.Add(fill.Commission);
        }

        Assert.Equal([1m, 0m, 0.5m], commissions); // raw 0.5 per fill: 1.5 in total, of which the first 1 is the minimum
    }

    [Fact]
    public async Task Fractional_orders_fill_fractional_quantities()
    {
        var broker = Open(s => s with { MaxParticipation = 0.5m });
        var order = await Buy(broker, "btc-1", Btc, 0.75m, TimeInForce.Gtc);

        var fill = Assert.Single(await Publish(broker, Quote(Btc, 60_000m, Monday(14, 40), volume: 0.5m)));

        Assert.Equal(0.25m, fill.Quantity);
        Assert.Equal(0.5m, (await Order(broker, order)).RemainingQuantity);
    }

    [Fact]
    public async Task Fill_updates_carry_unique_execution_ids_and_the_position_after()
    {
        var broker = Open(s => s with { MaxParticipation = 0.1m });
        await Buy(broker, "buy-1", Aapl, 20, TimeInForce.Gtc);

        var first = Assert.Single(await Publish(broker, Quote(Aapl, 50m, Monday(14, 40), volume: 100)));
        var second = Assert.Single(await Publish(broker, Quote(Aapl, 50m, Monday(14, 41), volume: 100)));

        Assert.Equal(("paper-fill-1", 10m), (first.ExecutionId, first.PositionQuantity));
        Assert.Equal(("paper-fill-2", 20m), (second.ExecutionId, second.PositionQuantity));
        Assert.Equal(["paper-fill-1", "paper-fill-2"], broker.Executions().Select(e => e.ExecutionId));
    }

    [Fact]
    public async Task A_non_positive_quote_price_is_refused_naming_the_symbol()
    {
        var broker = Open();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Publish(broker, Quote(Aapl, 0m, Monday(14, 40))));

        Assert.Contains("NASDAQ:AAPL", error.Message, StringComparison.Ordinal);
    }
}
