namespace ActorTrader.Domain.Orders;

/// <summary>How an order is priced (Alpaca's <c>market</c>, <c>limit</c>, <c>stop</c>, <c>stop_limit</c>).</summary>
public enum OrderType
{
    /// <summary>Fill at the best available price.</summary>
    Market,

    /// <summary>Fill at the limit price or better.</summary>
    Limit,

    /// <summary>Becomes a market order once the stop price trades.</summary>
    Stop,

    /// <summary>Becomes a limit order once the stop price trades.</summary>
    StopLimit,
}
