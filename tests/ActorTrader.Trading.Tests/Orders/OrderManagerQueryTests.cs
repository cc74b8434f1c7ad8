using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>Asking the order manager for its orders.</summary>
public sealed class OrderManagerQueryTests : OrderTestKit
{
    [Fact]
    public async Task Asked_for_the_orders_submitted_since_an_instant_it_answers_only_those()
    {
        var (_, orders) = await StartTradingAsync();
        await SubmitAsync(orders, Intent("r-early"));
        Scheduler.Advance(TimeSpan.FromHours(1));
        var since = Scheduler.Now;
        var late = await SubmitAsync(orders, Intent("r-late"));

        var answer = await AskAsync<OrdersView>(orders, new GetOrders(SubmittedSince: since));

        Assert.Equal([late.ClientOrderId], answer.Orders.Select(o => o.ClientOrderId));
    }
}
