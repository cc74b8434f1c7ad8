namespace ActorTrader.Brokers.Paper;

/// <summary>The <see cref="Abstractions.BrokerRejectedException.ReasonCode"/> values the paper broker uses.</summary>
public static class PaperReasonCodes
{
    public const string UnknownSymbol = "unknown_symbol";
    public const string NotTradable = "not_tradable";
    public const string NotShortableOnCashAccount = "not_shortable_on_cash_account";
    public const string NotShortable = "not_shortable";
    public const string InsufficientBuyingPower = "insufficient_buying_power";
    public const string UnsupportedTimeInForce = "unsupported_time_in_force";
    public const string OrderNotFound = "order_not_found";
    public const string OrderNotCancelable = "order_not_cancelable";
    public const string OrderNotReplaceable = "order_not_replaceable";
    public const string InvalidReplacement = "invalid_replacement";
    public const string NoPosition = "no_position";
    public const string InsufficientQuantity = "insufficient_qty";
}
