using System.Globalization;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk;

/// <summary>How the risk manager writes figures in messages: invariant culture, fixed formats, so texts are stable.</summary>
internal static class RiskText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>9,000.00</summary>
    public static string Money(decimal amount) => amount.ToString("#,0.00", Invariant);

    /// <summary>A fraction as a percentage: 0.045 → 4.50%</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", Invariant) + "%";

    /// <summary>A multiple of NAV: 1.05 → 1.05x</summary>
    public static string Multiple(decimal multiple) => multiple.ToString("0.00", Invariant) + "x";

    /// <summary>A quantity without trailing zeros: 12.500 → 12.5</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("0.#########", Invariant);

    public static string Number(double value) => value.ToString("0.00##", Invariant);

    public static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant);

    public static string State(TradingState state) => state switch
    {
        TradingState.Active => "ACTIVE",
        TradingState.Reducing => "REDUCING",
        TradingState.Halted => "HALTED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown trading state."),
    };

    /// <summary>order at-… (BUY 50 NASDAQ:AAPL)</summary>
    public static string Order(OrderIntent intent) =>
        $"order {intent.ClientOrderId} ({(intent.Side == OrderSide.Buy ? "BUY" : "SELL")} {Quantity(intent.Quantity)} {intent.Symbol})";
}
