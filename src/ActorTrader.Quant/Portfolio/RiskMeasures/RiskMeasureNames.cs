namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>The short token of each <see cref="RiskMeasure"/> used in optimiser names (<c>min-cvar</c>, <c>risk-parity-cdar</c>).</summary>
public static class RiskMeasureNames
{
    /// <summary><c>mad</c>, <c>cvar</c>, <c>cdar</c> or <c>mdd</c>.</summary>
    public static string Token(this RiskMeasure measure) => measure switch
    {
        RiskMeasure.MeanAbsoluteDeviation => "mad",
        RiskMeasure.ConditionalValueAtRisk => "cvar",
        RiskMeasure.ConditionalDrawdownAtRisk => "cdar",
        RiskMeasure.MaxDrawdown => "mdd",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown risk measure."),
    };
}
