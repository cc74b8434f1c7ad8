namespace ActorTrader.Quant.Regimes;

/// <summary>Which history sets the volatility quantile thresholds.</summary>
public enum ThresholdMode
{
    /// <summary>Quantiles of the whole sample's rolling volatility: labels use future data (research, descriptive statistics only).</summary>
    FullSample = 0,

    /// <summary>At each period, quantiles of the rolling volatility up to and including that period: no look-ahead, usable live.</summary>
    Expanding = 1,
}
