using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Domain.Tests.Orders;

public sealed class FillTests
{
    private static readonly Symbol Spy = Symbol.Parse("ARCA:SPY");

    [Fact]
    public void Fill_time_is_held_in_utc()
    {
        var local = new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(-5));

        var fill = new Fill("o", Spy, OrderSide.Buy, 1m, 10m, 0m, local);

        Assert.Equal(TimeSpan.Zero, fill.Time.Offset);
        Assert.Equal(local, fill.Time);
    }

    [Fact]
    public void Sell_fill_has_negative_signed_quantity_and_positive_notional()
    {
        var fill = new Fill("o", Spy, OrderSide.Sell, 3m, 10m, 0.5m, DateTimeOffset.UnixEpoch);

        Assert.Equal(-3m, fill.SignedQuantity);
        Assert.Equal(30m, fill.Notional);
    }

    [Fact]
    public void Non_positive_price_is_impossible()
    {
        var e = Assert.Throws<ArgumentException>(() => new Fill("o-9", Spy, OrderSide.Buy, 1m, 0m, 0m, DateTimeOffset.UnixEpoch));

        Assert.Contains("o-9", e.Message, StringComparison.Ordinal);
        Assert.Contains("price is 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_commission_is_impossible()
    {
        Assert.Throws<ArgumentException>(() => new Fill("o", Spy, OrderSide.Buy, 1m, 1m, -0.01m, DateTimeOffset.UnixEpoch));
    }
}
