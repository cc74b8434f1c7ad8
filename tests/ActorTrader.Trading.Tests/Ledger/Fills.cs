using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>Fills, quotes and broker positions for ledger tests.</summary>
internal static class Fills
{
    public static readonly Symbol Aapl = new("NASDAQ", "AAPL");
    public static readonly Symbol Msft = new("NASDAQ", "MSFT");
    public static readonly Symbol Spy = new("NYSE", "SPY");

    private static readonly DateTimeOffset Time = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    public static Fill Buy(Symbol symbol, decimal quantity, decimal price, decimal commission = 0m) =>
        new($"order-{symbol.Ticker}", symbol, OrderSide.Buy, quantity, price, commission, Time);

    public static Fill Sell(Symbol symbol, decimal quantity, decimal price, decimal commission = 0m) =>
        new($"order-{symbol.Ticker}", symbol, OrderSide.Sell, quantity, price, commission, Time);

    public static MarketQuote Quote(Symbol symbol, decimal price, int minute = 0) => new(symbol, price, Time.AddMinutes(minute));

    public static BrokerPosition Held(Symbol symbol, decimal quantity, decimal averageEntryPrice) =>
        new(symbol, quantity, averageEntryPrice, quantity * averageEntryPrice, averageEntryPrice, 0m);
}
