using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Domain.Tests.Orders;

public sealed class OrderRequestTests
{
    private static readonly Symbol Spy = Symbol.Parse("ARCA:SPY");

    [Fact]
    public void Market_order_keeps_what_it_was_given()
    {
        var order = OrderRequest.Market("bt-1-SPY", Spy, OrderSide.Sell, 12.5m, TimeInForce.Gtc);

        Assert.Equal("bt-1-SPY", order.ClientOrderId);
        Assert.Equal(Spy, order.Symbol);
        Assert.Equal(OrderType.Market, order.Type);
        Assert.Equal(TimeInForce.Gtc, order.TimeInForce);
        Assert.Equal(-12.5m, order.SignedQuantity);
        Assert.Null(order.LimitPrice);
    }

    [Fact]
    public void Zero_quantity_is_refused_with_the_order_id()
    {
        var e = Assert.Throws<InvalidOrderException>(() => OrderRequest.Market("o-7", Spy, OrderSide.Buy, 0m));

        Assert.Contains("o-7", e.Message, StringComparison.Ordinal);
        Assert.Contains("quantity is 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_order_without_a_limit_price_is_refused()
    {
        var e = Assert.Throws<InvalidOrderException>(() => new OrderRequest("o", Spy, OrderSide.Buy, 1m, OrderType.Limit));

        Assert.Contains("needs a limit price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Market_order_with_a_limit_price_is_refused()
    {
        Assert.Throws<InvalidOrderException>(() => new OrderRequest("o", Spy, OrderSide.Buy, 1m, OrderType.Market, limitPrice: 10m));
    }

    [Fact]
    public void Stop_limit_order_needs_both_prices()
    {
        var problems = OrderRequest.Problems("o", Spy, OrderSide.Buy, 1m, OrderType.StopLimit, TimeInForce.Day, null, null);

        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Stop_limit_order_with_both_prices_is_valid()
    {
        var order = new OrderRequest("o", Spy, OrderSide.Buy, 1m, OrderType.StopLimit, TimeInForce.Gtc, limitPrice: 101m, stopPrice: 100m);

        Assert.Equal(100m, order.StopPrice);
    }

    [Fact]
    public void Auction_time_in_force_is_refused_for_stop_orders()
    {
        var e = Assert.Throws<InvalidOrderException>(() => new OrderRequest("o", Spy, OrderSide.Buy, 1m, OrderType.Stop, TimeInForce.Opg, stopPrice: 5m));

        Assert.Contains("auction", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var e = Assert.Throws<InvalidOrderException>(() => new OrderRequest("", default, OrderSide.Buy, -1m, OrderType.Limit, limitPrice: -2m));

        Assert.Equal(4, e.Problems.Count);
    }

    [Fact]
    public void Client_order_id_longer_than_alpaca_allows_is_refused()
    {
        Assert.Throws<InvalidOrderException>(() => OrderRequest.Market(new string('x', 129), Spy, OrderSide.Buy, 1m));
    }

    [Fact]
    public void Unknown_order_type_with_a_price_is_listed_as_a_problem_not_a_crash()
    {
        var problems = OrderRequest.Problems("o", Spy, OrderSide.Buy, 1m, (OrderType)9, TimeInForce.Opg, 10m, null);

        Assert.Contains(problems, p => p.Contains("order type 9 is unknown", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("market, limit, stop, stop_limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_time_in_force_names_the_accepted_values()
    {
        var e = Assert.Throws<InvalidOrderException>(() => new OrderRequest("o", Spy, OrderSide.Buy, 1m, OrderType.Market, (TimeInForce)17));

        Assert.Contains("time in force 17 is unknown", e.Message, StringComparison.Ordinal);
        Assert.Contains("day, gtc, ioc, opg, cls, fok", e.Message, StringComparison.Ordinal);
    }
}
