using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerTradeUpdateTests : PaperBrokerTestBase
{
    [Fact]
    public async Task A_subscriber_receives_new_then_fill_with_execution_id_commission_and_position()
    {
        var broker = Open();
        await using var updates = broker.TradeUpdatesAsync().GetAsyncEnumerator();

        await Buy(broker, "buy-1", Aapl, 100);
        await Publish(broker, Quote(Aapl, 101m, Monday(14, 40)));

        var received = await Take(updates, 2);
        Assert.Equal([TradeUpdateEvent.New, TradeUpdateEvent.Fill], received.Select(u => u.Event));
        var fill = received[1];
        Assert.Equal(("paper-fill-1", 1.010505m, 100m, OrderStatus.Filled), (fill.ExecutionId, fill.Commission, fill.PositionQuantity, fill.Order.Status));
    }

    [Fact]
    public async Task Every_subscriber_receives_every_update_in_order()
    {
        var broker = Open();
        await using var first = broker.TradeUpdatesAsync().GetAsyncEnumerator();
        await using var second = broker.TradeUpdatesAsync().GetAsyncEnumerator();

        var order = await Buy(broker, "buy-1", Aapl, 10);
        await broker.CancelOrderAsync(order.BrokerOrderId);

        var expected = new[] { TradeUpdateEvent.New, TradeUpdateEvent.Canceled };
        Assert.Equal(expected, (await Take(first, 2)).Select(u => u.Event));
        Assert.Equal(expected, (await Take(second, 2)).Select(u => u.Event));
    }

    [Fact]
    public async Task A_subscription_sees_updates_from_the_call_on_not_from_its_first_read()
    {
        var broker = Open();
        var stream = broker.TradeUpdatesAsync();

        await Buy(broker, "buy-1", Aapl, 10);

        await using var updates = stream.GetAsyncEnumerator();
        Assert.Equal(TradeUpdateEvent.New, (await Take(updates, 1))[0].Event);
    }

    [Fact]
    public async Task Canceling_the_subscription_ends_the_stream()
    {
        var broker = Open();
        using var cancel = new CancellationTokenSource();
        await using var updates = broker.TradeUpdatesAsync(cancel.Token).GetAsyncEnumerator();

        await cancel.CancelAsync();

        Assert.False(await updates.MoveNextAsync());
    }

    [Fact]
    public async Task Disposing_the_broker_ends_the_stream()
    {
        var broker = Open();
        await using var updates = broker.TradeUpdatesAsync().GetAsyncEnumerator();

        await broker.DisposeAsync();

        Assert.False(await updates.MoveNextAsync());
    }

    private static async Task<List<TradeUpdate>> Take(IAsyncEnumerator<TradeUpdate> updates, int count)
    {
        var taken = new List<TradeUpdate>();
        while (taken.Count < count)
        {
            Assert.True(await updates.MoveNextAsync(), $"The stream ended after {taken.Count} updates; {count} were expected.");
            taken.Add(updates.Current);
        }
        return taken;
    }
}
