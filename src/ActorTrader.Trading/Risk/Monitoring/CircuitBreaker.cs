using ActorTrader.Trading.Risk.Actions;

namespace ActorTrader.Trading.Risk.Monitoring;

/// <summary>
/// One level: when <see cref="Measure"/> reaches <see cref="Threshold"/> (a fraction, e.g. 0.10 for 10%), the risk
/// manager takes <see cref="Action"/>. A breaker trips once, then stays tripped until the start of a day re-arms it
/// (daily measures always; drawdown only once the drawdown is back below the threshold).
/// </summary>
public sealed record CircuitBreaker(RiskMeasure Measure, decimal Threshold, RiskAction Action)
{
    /// <summary>Stable name, e.g. <c>drawdown.reduce-positions</c> (the configuration key under circuit-breakers).</summary>
    public string Name => $"{RiskNames.Of(Measure)}.{RiskNames.Of(Action)}";
}
