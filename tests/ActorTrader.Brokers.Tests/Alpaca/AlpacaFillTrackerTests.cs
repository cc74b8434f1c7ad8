using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Alpaca;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaFillTrackerTests
{
    private static readonly DateTimeOffset Created = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DownSince = Created.AddMinutes(5);
    private readonly AlpacaFillTracker _tracker = new();

    [Fact]
    public void Fill_found_by_a_poll_is_reported_with_the_quantity_filled_meanwhile()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));

        var update = Assert.Single(_tracker.OnPolled(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled), DownSince));

        Assert.Equal(TradeUpdateEvent.PartialFill, update.Event);
        Assert.Equal(40m, update.Quantity);
        Assert.Equal(100m, update.Price);
        Assert.Equal("order-1:40", update.ExecutionId);
    }

    [Fact]
    public void Second_poll_reports_only_the_new_quantity_at_the_price_the_averages_imply()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));
        _tracker.OnPolled(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled), DownSince);

        var update = Assert.Single(_tracker.OnPolled(Order(filled: 100m, average: 101.2m, OrderStatus.Filled), DownSince));

        Assert.Equal(TradeUpdateEvent.Fill, update.Event);
        Assert.Equal(60m, update.Quantity);
        Assert.Equal(102m, update.Price);
        Assert.Equal("order-1:100", update.ExecutionId);
    }

    [Fact]
    public void Poll_that_finds_nothing_new_reports_nothing()
    {
        _tracker.Track(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled));

        Assert.Empty(_tracker.OnPolled(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled), DownSince));
    }

    [Fact]
    public void Real_update_of_a_fill_a_poll_already_reported_carries_the_polls_execution_id()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));
        _tracker.OnPolled(Order(filled: 100m, average: 101m, OrderStatus.Filled), DownSince);

        var late = Assert.Single(_tracker.OnStreamUpdate(Fill(cumulative: 60m, quantity: 60m, "alpaca-exec-1")));

        Assert.Equal("order-1:100", late.ExecutionId);
    }

    [Fact]
    public void Real_update_of_a_fill_from_before_the_outage_keeps_alpacas_execution_id()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));
        _tracker.OnStreamUpdate(Fill(cumulative: 40m, quantity: 40m, "alpaca-exec-1"));
        _tracker.OnPolled(Order(filled: 100m, average: 101m, OrderStatus.Filled), DownSince);

        var repeated = Assert.Single(_tracker.OnStreamUpdate(Fill(cumulative: 40m, quantity: 40m, "alpaca-exec-1")));

        Assert.Equal("alpaca-exec-1", repeated.ExecutionId);
    }

    [Fact]
    public void Fill_the_stream_reported_is_not_reported_again_by_a_poll()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));
        _tracker.OnStreamUpdate(Fill(cumulative: 40m, quantity: 40m, "alpaca-exec-1"));

        Assert.Empty(_tracker.OnPolled(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled), DownSince));
    }

    [Fact]
    public void Stream_fill_that_shows_earlier_fills_were_missed_is_preceded_by_a_fill_for_them()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));
        _tracker.OnStreamUpdate(Fill(cumulative: 20m, quantity: 20m, "alpaca-exec-1", average: 100m, price: 100m));

        // 30 more filled at 110 unseen; this execution is 50 at 120, so the average over 100 is 113.
        var published = _tracker.OnStreamUpdate(Fill(cumulative: 100m, quantity: 50m, "alpaca-exec-3", average: 113m, price: 120m));

        Assert.Equal(
            [(TradeUpdateEvent.PartialFill, 30m, (decimal?)110m, "order-1:50", 50m), (TradeUpdateEvent.Fill, 50m, 120m, "alpaca-exec-3", 100m)],
            published.Select(u => (u.Event, u.Quantity!.Value, u.Price, u.ExecutionId!, u.Order.FilledQuantity)));
    }

    [Fact]
    public void Stream_fill_without_a_quantity_gets_the_quantity_filled_since_the_last_report()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));
        _tracker.OnStreamUpdate(Fill(cumulative: 20m, quantity: 20m, "alpaca-exec-1"));

        var update = Assert.Single(_tracker.OnStreamUpdate(Fill(cumulative: 100m, quantity: 20m, "alpaca-exec-2") with { Quantity = null }));

        Assert.Equal(80m, update.Quantity);
    }

    [Fact]
    public void Order_canceled_while_the_stream_was_down_is_reported_canceled()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));

        var update = Assert.Single(_tracker.OnPolled(Order(filled: 0m, average: null, OrderStatus.Canceled), DownSince));

        Assert.Equal(TradeUpdateEvent.Canceled, update.Event);
        Assert.Null(update.ExecutionId);
    }

    [Fact]
    public void Order_not_followed_and_created_before_the_outage_is_only_followed_from_now()
    {
        Assert.Empty(_tracker.OnPolled(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled), DownSince));

        var later = Assert.Single(_tracker.OnPolled(Order(filled: 50m, average: 100m, OrderStatus.PartiallyFilled), DownSince));
        Assert.Equal(10m, later.Quantity);
    }

    [Fact]
    public void Order_created_during_the_outage_is_reported_from_its_first_fill()
    {
        var update = Assert.Single(_tracker.OnPolled(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled), Created.AddSeconds(-1)));

        Assert.Equal(40m, update.Quantity);
    }

    [Fact]
    public void Order_whose_submit_answer_is_still_in_flight_is_followed_from_zero_by_a_poll()
    {
        _tracker.Expect("client-1", Created);

        var update = Assert.Single(_tracker.OnPolled(Order(filled: 40m, average: 100m, OrderStatus.PartiallyFilled), DownSince));

        Assert.Equal((40m, "order-1:40"), (update.Quantity, update.ExecutionId));
    }

    [Fact]
    public void Replacement_of_a_followed_order_is_followed_from_zero_by_a_poll()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));
        var replacement = Order(filled: 30m, average: 100m, OrderStatus.PartiallyFilled) with
        {
            BrokerOrderId = "order-2", ClientOrderId = "client-2", Replaces = "order-1",
        };

        var update = Assert.Single(_tracker.OnPolled(replacement, DownSince));

        Assert.Equal((30m, "order-2:30"), (update.Quantity, update.ExecutionId));
    }

    [Fact]
    public void Poll_window_reaches_back_to_a_submit_still_in_flight()
    {
        _tracker.Expect("client-1", Created.AddMinutes(-3));

        Assert.Equal(Created.AddMinutes(-3).AddSeconds(-1), _tracker.PollWindowStart(DownSince));
    }

    [Fact]
    public void Poll_window_starts_a_second_before_the_oldest_open_order()
    {
        _tracker.Track(Order(filled: 0m, average: null, OrderStatus.Accepted));

        Assert.Equal(Created.AddSeconds(-1), _tracker.PollWindowStart(DownSince));
    }

    [Fact]
    public void Poll_window_with_no_open_order_starts_a_second_before_the_outage() =>
        Assert.Equal(DownSince.AddSeconds(-1), _tracker.PollWindowStart(DownSince));

    private static BrokerOrder Order(decimal filled, decimal? average, OrderStatus status) =>
        new("order-1", "client-1", Symbol.Parse("NASDAQ:AAPL"), OrderSide.Buy, OrderType.Market, TimeInForce.Day, 100m, filled, average,
            null, null, status, Created, Created.AddMinutes(10));

    private static TradeUpdate Fill(decimal cumulative, decimal quantity, string executionId, decimal average = 100m, decimal price = 100m) =>
        new(cumulative == 100m ? TradeUpdateEvent.Fill : TradeUpdateEvent.PartialFill,
            Order(cumulative, average, cumulative == 100m ? OrderStatus.Filled : OrderStatus.PartiallyFilled),
            Created.AddMinutes(1), price, quantity, cumulative, executionId);
}
