namespace ActorTrader.Domain.Orders;

/// <summary>How long an order stays working (Alpaca's <c>day</c>, <c>gtc</c>, <c>ioc</c>, <c>opg</c>, <c>cls</c>, <c>fok</c>).</summary>
public enum TimeInForce
{
    /// <summary>Until the end of the session; an unfilled remainder is cancelled.</summary>
    Day,

    /// <summary>Good till cancelled: an unfilled remainder keeps working.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fill what can be filled now, cancel the rest.</summary>
    Ioc,

    /// <summary>Only in the opening auction (market or limit on open).</summary>
    Opg,

    /// <summary>Only in the closing auction (market or limit on close).</summary>
    Cls,

    /// <summary>Fill or kill: the whole quantity at once or nothing.</summary>
    Fok,
}
