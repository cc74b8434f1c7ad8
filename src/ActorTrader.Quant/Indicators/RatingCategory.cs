namespace ActorTrader.Quant.Indicators;

/// <summary>TradingView's five rating labels; the numeric value orders them from most bearish to most bullish.</summary>
public enum RatingCategory
{
    /// <summary>Rating &lt; −0.5.</summary>
    StrongSell = -2,

    /// <summary>−0.5 ≤ rating &lt; −0.1.</summary>
    Sell = -1,

    /// <summary>−0.1 ≤ rating ≤ 0.1.</summary>
    Neutral = 0,

    /// <summary>0.1 &lt; rating ≤ 0.5.</summary>
    Buy = 1,

    /// <summary>Rating &gt; 0.5.</summary>
    StrongBuy = 2,
}
