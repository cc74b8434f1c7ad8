namespace ActorTrader.Domain.Orders;

/// <summary>
/// The lower-case names Alpaca's Trading API and ActorTrader's journals, reports and JSON use for the order enums
/// (<c>buy</c>, <c>stop_limit</c>, <c>gtc</c>, <c>partially_filled</c>); parsing is case-insensitive and names the
/// accepted values when it fails.
/// </summary>
public static class OrderWireNames
{
    private static readonly string[] SideNames = ["buy", "sell"];
    private static readonly string[] TypeNames = ["market", "limit", "stop", "stop_limit"];
    private static readonly string[] TimeInForceNames = ["day", "gtc", "ioc", "opg", "cls", "fok"];
    private static readonly string[] StatusNames =
    [
        "new", "accepted", "pending_new", "partially_filled", "filled", "canceled", "expired", "rejected", "replaced",
        "pending_cancel", "pending_replace", "done_for_day", "stopped", "suspended", "calculated",
    ];

    public static string ToWire(this OrderSide side) => Name((int)side, SideNames, "order side");

    public static string ToWire(this OrderType type) => Name((int)type, TypeNames, "order type");

    public static string ToWire(this TimeInForce timeInForce) => Name((int)timeInForce, TimeInForceNames, "time in force");

    public static string ToWire(this OrderStatus status) => Name((int)status, StatusNames, "order status");

    /// <summary>The accepted wire names of the order types, comma-separated (for messages that name the fix).</summary>
    internal static string TypeChoices => string.Join(", ", TypeNames);

    /// <summary>The accepted wire names of the times in force, comma-separated (for messages that name the fix).</summary>
    internal static string TimeInForceChoices => string.Join(", ", TimeInForceNames);

    public static OrderSide ParseSide(string text) => (OrderSide)Parse(text, SideNames, "order side");

    public static OrderType ParseType(string text) => (OrderType)Parse(text, TypeNames, "order type");

    public static TimeInForce ParseTimeInForce(string text) => (TimeInForce)Parse(text, TimeInForceNames, "time in force");

    public static OrderStatus ParseStatus(string text) => (OrderStatus)Parse(text, StatusNames, "order status");

    // An undefined enum value (a cast integer) has no wire name; say which value and what is accepted instead of indexing out of range.
    private static string Name(int value, string[] names, string what) =>
        (uint)value < (uint)names.Length
            ? names[value]
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a defined {what}. Fix: use one of {string.Join(", ", names)}.");

    private static int Parse(string text, string[] names, string what)
    {
        var trimmed = text?.Trim() ?? "";
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], trimmed, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new FormatException($"\"{text}\" is not a known {what}. Fix: use one of {string.Join(", ", names)}.");
    }
}
