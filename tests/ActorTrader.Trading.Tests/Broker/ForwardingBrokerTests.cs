using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Broker;

/// <summary>The base of broker decorators: every call it is not told otherwise about reaches the inner broker unchanged.</summary>
public sealed class ForwardingBrokerTests
{
    private readonly ScriptedBrokerAccount _account = new();

    private static OrderRequest Request(string clientOrderId) => OrderRequest.Market(clientOrderId, ScriptedBrokerAccount.DefaultSymbol, OrderSide.Buy, 1m);

    [Fact]
    public async Task A_call_not_overridden_reaches_the_inner_broker_with_its_answer()
    {
        await using var broker = new Passing(_account.Connect());

        var placed = await broker.SubmitOrderAsync(Request("fwd-1"));
        var found = await broker.GetOrderByClientIdAsync("fwd-1");
        await broker.CancelAllOrdersAsync();

        Assert.Equal(placed.BrokerOrderId, found?.BrokerOrderId);
        Assert.Equal([ScriptedBrokerAccount.Submit, ScriptedBrokerAccount.Query, ScriptedBrokerAccount.CancelAll], _account.Calls.Select(c => c.Method));
        Assert.Equal(("scripted", false), (broker.Name, broker.IsLive));
    }

    [Fact]
    public async Task An_override_sees_its_call_and_passes_it_on_itself()
    {
        await using var broker = new Counting(_account.Connect());

        await broker.SubmitOrderAsync(Request("fwd-2"));

        Assert.Equal(1, broker.Submits);
        Assert.Single(_account.CallsOf(ScriptedBrokerAccount.Submit));
    }

    private sealed class Passing(IBroker inner) : ForwardingBroker(inner);

    private sealed class Counting(IBroker inner) : ForwardingBroker(inner)
    {
        public int Submits { get; private set; }

        public override Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
        {
            Submits++;
            return base.SubmitOrderAsync(request, cancellationToken);
        }
    }
}
