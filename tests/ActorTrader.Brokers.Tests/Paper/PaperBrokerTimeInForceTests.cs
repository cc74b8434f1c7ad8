using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerTimeInForceTests : PaperBrokerTestBase
{
    [Fact]
    public async Task Day_order_expires_when_a_quote_after_the_close_arrives()
    {
        var broker = Open();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("day-1", Aapl, OrderSide.Buy, 10, 90m));
        await Publish(broker, Quote(Aapl, 100m, Monday(15, 0)));

        var updates = await Publish(broker, Quote(Aapl, 80m, Tuesday(14, 31)));

        var expired = Assert.Single(updates);
        Assert.Equal(TradeUpdateEvent.Expired, expired.Event);
        Assert.Equal(Monday(21, 0), expired.Timestamp);
        Assert.Equal(OrderStatus.Expired, (await Order(broker, order)).Status);
        Assert.Empty(broker.Executions());
    }

    [Fact]
    public async Task Day_order_still_fills_at_a_quote_stamped_at_the_close()
    {
        var broker = Open();
        var order = await Buy(broker, "day-1", Aapl, 10);

        await Publish(broker, Quote(Aapl, 100m, Monday(21, 0)));

        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Day_order_expires_at_the_early_close_of_the_day_after_Thanksgiving()
    {
        var broker = Open();
        Clock.Set(new DateTimeOffset(2024, 11, 29, 15, 0, 0, TimeSpan.Zero));
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("day-1", Aapl, OrderSide.Buy, 10, 90m));

        var updates = await Publish(broker, Quote(Aapl, 80m, new DateTimeOffset(2024, 11, 29, 18, 1, 0, TimeSpan.Zero)));

        var expired = Assert.Single(updates);
        Assert.Equal((TradeUpdateEvent.Expired, new DateTimeOffset(2024, 11, 29, 18, 0, 0, TimeSpan.Zero)), (expired.Event, expired.Timestamp));
        Assert.Equal(OrderStatus.Expired, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Day_order_sent_before_the_switch_to_summer_time_expires_at_the_next_sessions_close_in_summer_time()
    {
        var broker = Open();
        Clock.Set(new DateTimeOffset(2024, 3, 8, 22, 0, 0, TimeSpan.Zero)); // Friday after the close; Sunday 10 March switches to EDT
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("day-1", Aapl, OrderSide.Buy, 10, 90m));

        Assert.Empty(await Publish(broker, Quote(Aapl, 100m, new DateTimeOffset(2024, 3, 11, 19, 59, 0, TimeSpan.Zero))));
        var expired = Assert.Single(await Publish(broker, Quote(Aapl, 80m, new DateTimeOffset(2024, 3, 11, 20, 1, 0, TimeSpan.Zero))));

        Assert.Equal((TradeUpdateEvent.Expired, new DateTimeOffset(2024, 3, 11, 20, 0, 0, TimeSpan.Zero)), (expired.Event, expired.Timestamp));
        Assert.Equal(OrderStatus.Expired, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Expiring_day_orders_by_the_clock_waits_for_the_close()
    {
        var broker = Open();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("day-1", Aapl, OrderSide.Buy, 10, 90m));

        Clock.Set(Monday(20, 59));
        Assert.Empty(await broker.ExpireDayOrdersAsync());
        Clock.Set(Monday(21, 0));
        var expired = Assert.Single(await broker.ExpireDayOrdersAsync());

        Assert.Equal(TradeUpdateEvent.Expired, expired.Event);
        Assert.Equal(OrderStatus.Expired, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Gtc_order_survives_the_close_and_fills_on_a_later_day()
    {
        var broker = Open();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("gtc-1", Aapl, OrderSide.Buy, 10, 90m, TimeInForce.Gtc));
        await Publish(broker, Quote(Aapl, 100m, Monday(15, 0)));
        Clock.Set(Monday(21, 0));
        await broker.ExpireDayOrdersAsync();

        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 89m, Tuesday(14, 31))));

        Assert.Equal(89.0445m, fill.Price);
        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Ioc_fills_what_the_next_quote_allows_and_cancels_the_rest()
    {
        var broker = Open(s => s with { MaxParticipation = 0.1m });
        var order = await Buy(broker, "ioc-1", Aapl, 100, TimeInForce.Ioc);

        var updates = await Publish(broker, Quote(Aapl, 100m, Monday(14, 40), volume: 500));

        Assert.Equal([TradeUpdateEvent.PartialFill, TradeUpdateEvent.Canceled], updates.Select(u => u.Event));
        var done = await Order(broker, order);
        Assert.Equal((OrderStatus.Canceled, 50m), (done.Status, done.FilledQuantity));
    }

    [Fact]
    public async Task Ioc_limit_that_does_not_cross_is_canceled_at_its_first_quote()
    {
        var broker = Open();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("ioc-1", Aapl, OrderSide.Buy, 10, 90m, TimeInForce.Ioc));

        var canceled = Assert.Single(await Publish(broker, Quote(Aapl, 100m, Monday(14, 40))));

        Assert.Equal(TradeUpdateEvent.Canceled, canceled.Event);
        Assert.Equal(OrderStatus.Canceled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Fok_that_cannot_fill_completely_is_canceled_without_any_fill()
    {
        var broker = Open(s => s with { MaxParticipation = 0.1m });
        var order = await Buy(broker, "fok-1", Aapl, 100, TimeInForce.Fok);

        var canceled = Assert.Single(await Publish(broker, Quote(Aapl, 100m, Monday(14, 40), volume: 500)));

        Assert.Equal(TradeUpdateEvent.Canceled, canceled.Event);
        Assert.Equal(0m, (await Order(broker, order)).FilledQuantity);
        Assert.Empty(broker.Executions());
    }

    [Fact]
    public async Task Fok_that_can_fill_completely_fills_at_once()
    {
        var broker = Open(s => s with { MaxParticipation = 0.1m });
        var order = await Buy(broker, "fok-1", Aapl, 100, TimeInForce.Fok);

        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 100m, Monday(14, 40), volume: 5_000)));

        Assert.Equal((TradeUpdateEvent.Fill, 100m), (fill.Event, fill.Quantity));
        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Order_sent_after_the_close_waits_for_the_next_session_and_belongs_to_it()
    {
        var broker = Open();
        Clock.Set(Monday(22, 0));
        var order = await Buy(broker, "late-1", Aapl, 10);

        Assert.Empty(await Publish(broker, Quote(Aapl, 99m, Monday(23, 0))));
        Assert.Equal(OrderStatus.New, (await Order(broker, order)).Status);

        var fill = Assert.Single(await Publish(broker, Quote(Aapl, 101m, Tuesday(14, 30))));
        Assert.Equal((TradeUpdateEvent.Fill, 101.0505m), (fill.Event, fill.Price));
    }

    [Fact]
    public async Task Crypto_fills_at_any_hour_of_the_week()
    {
        var broker = Open();
        var saturday = new DateTimeOffset(2024, 3, 9, 3, 0, 0, TimeSpan.Zero);
        Clock.Set(saturday);
        var order = await Buy(broker, "btc-1", Btc, 0.5m, TimeInForce.Gtc);

        await Publish(broker, Quote(Btc, 60_000m, saturday.AddMinutes(1)));

        Assert.Equal(OrderStatus.Filled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Auction_times_in_force_are_refused()
    {
        var broker = Open();

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Buy(broker, "opg-1", Aapl, 10, TimeInForce.Opg));

        Assert.Equal(PaperReasonCodes.UnsupportedTimeInForce, error.ReasonCode);
    }

    [Fact]
    public async Task The_clock_follows_the_nyse_session()
    {
        var broker = Open();
        Clock.Set(Monday(22, 0));

        var clock = await broker.GetClockAsync();

        Assert.Equal((false, Tuesday(14, 30), Tuesday(21, 0)), (clock.IsOpen, clock.NextOpen, clock.NextClose));
    }
}
