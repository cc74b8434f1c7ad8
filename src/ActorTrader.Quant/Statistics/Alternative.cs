namespace ActorTrader.Quant.Statistics;

/// <summary>Alternative hypothesis of a test; each test documents which direction "greater" refers to.</summary>
public enum Alternative
{
    /// <summary>The effect differs from the null in either direction.</summary>
    TwoSided = 0,

    /// <summary>The statistic is larger than under the null.</summary>
    Greater = 1,

    /// <summary>The statistic is smaller than under the null.</summary>
    Less = 2,
}
