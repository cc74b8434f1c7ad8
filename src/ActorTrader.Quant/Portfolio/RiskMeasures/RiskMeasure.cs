namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Scenario-based risk measures with exact linear-programming formulations (Riskfolio-Lib's names in brackets).
/// Drawdowns are taken on uncompounded cumulative returns, starting from a peak of 0, as Riskfolio does.
/// </summary>
public enum RiskMeasure
{
    /// <summary>Mean absolute deviation of portfolio returns from their mean ("MAD").</summary>
    MeanAbsoluteDeviation,

    /// <summary>Conditional value at risk: mean loss in the worst α share of periods ("CVaR").</summary>
    ConditionalValueAtRisk,

    /// <summary>Conditional drawdown at risk: mean drawdown in the worst α share of periods ("CDaR").</summary>
    ConditionalDrawdownAtRisk,

    /// <summary>Largest drawdown over the sample ("MDD").</summary>
    MaxDrawdown,
}
