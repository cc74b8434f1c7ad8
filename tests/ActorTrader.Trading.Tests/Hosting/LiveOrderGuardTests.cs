using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Tests.Host;

public sealed class LiveOrderGuardTests
{
    private static readonly OrderIntent Intent = new("acc", "core", "2022-09-01T19:45Z", new Symbol("NYSE", "KO"), OrderSide.Buy, 10m, "target", 60m);

    [Fact]
    public void An_order_priced_from_synthetic_data_is_refused_when_the_broker_is_live()
    {
        var refusal = LiveOrderGuard.Refusal(Intent, brokerIsLive: true, pricesSynthetic: true);

        Assert.NotNull(refusal);
        Assert.Contains("synthetic data never reaches a live broker", refusal, StringComparison.Ordinal);
        Assert.Contains("NYSE:KO", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthetic_prices_may_reach_the_paper_broker()
    {
        Assert.Null(LiveOrderGuard.Refusal(Intent, brokerIsLive: false, pricesSynthetic: true));
    }

    [Fact]
    public void Market_data_may_reach_a_live_broker()
    {
        Assert.Null(LiveOrderGuard.Refusal(Intent, brokerIsLive: true, pricesSynthetic: false));
    }
}
