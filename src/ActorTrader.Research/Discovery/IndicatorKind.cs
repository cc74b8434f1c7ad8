namespace ActorTrader.Research.Discovery;

/// <summary>The price features a discovered rule may read; text names in brackets.</summary>
public enum IndicatorKind
{
    /// <summary>The close itself (<c>close</c>, no window).</summary>
    Close,

    /// <summary>Simple moving average of closes (<c>sma(n)</c>).</summary>
    Sma,

    /// <summary>Exponential moving average of closes, SMA-seeded (<c>ema(n)</c>).</summary>
    Ema,

    /// <summary>Wilder's RSI, 0..100 (<c>rsi(n)</c>).</summary>
    Rsi,

    /// <summary>Simple return over n bars, C_t / C_{t−n} − 1 (<c>ret(n)</c>).</summary>
    Return,

    /// <summary>Sample standard deviation of the last n one-bar simple returns (<c>vol(n)</c>).</summary>
    Volatility,

    /// <summary>Rolling z-score of the close against its last n closes (<c>zscore(n)</c>).</summary>
    ZScore,
}
