using ActorTrader.Domain.Orders;

namespace ActorTrader.Domain.Tests.Orders;

public sealed class OrderWireNamesTests
{
    [Fact]
    public void Every_status_round_trips_through_its_alpaca_name()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            Assert.Equal(status, OrderWireNames.ParseStatus(status.ToWire()));
        }
    }

    [Fact]
    public void Status_names_are_alpacas()
    {
        Assert.Equal("partially_filled", OrderStatus.PartiallyFilled.ToWire());
        Assert.Equal("done_for_day", OrderStatus.DoneForDay.ToWire());
        Assert.Equal(15, Enum.GetValues<OrderStatus>().Length);
    }

    [Fact]
    public void Every_type_and_time_in_force_round_trips()
    {
        foreach (var type in Enum.GetValues<OrderType>()) Assert.Equal(type, OrderWireNames.ParseType(type.ToWire()));
        foreach (var tif in Enum.GetValues<TimeInForce>()) Assert.Equal(tif, OrderWireNames.ParseTimeInForce(tif.ToWire()));
        foreach (var side in Enum.GetValues<OrderSide>()) Assert.Equal(side, OrderWireNames.ParseSide(side.ToWire()));
    }

    [Fact]
    public void Parsing_ignores_case_and_surrounding_space()
    {
        Assert.Equal(OrderType.StopLimit, OrderWireNames.ParseType(" STOP_LIMIT "));
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var e = Assert.Throws<FormatException>(() => OrderWireNames.ParseTimeInForce("gtd"));

        Assert.Contains("day, gtc, ioc, opg, cls, fok", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filled_canceled_expired_rejected_and_replaced_are_terminal()
    {
        var terminal = Enum.GetValues<OrderStatus>().Where(s => s.IsTerminal()).ToArray();

        Assert.Equal([OrderStatus.Filled, OrderStatus.Canceled, OrderStatus.Expired, OrderStatus.Rejected, OrderStatus.Replaced], terminal);
        Assert.True(OrderStatus.PartiallyFilled.IsOpen());
    }

    [Fact]
    public void Wire_name_of_an_undefined_value_names_the_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ((OrderType)9).ToWire());

        Assert.Contains("9", e.Message, StringComparison.Ordinal);
        Assert.Contains("market, limit, stop, stop_limit", e.Message, StringComparison.Ordinal);
    }
}
