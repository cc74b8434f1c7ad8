namespace ActorTrader.Trading.Risk.Monitoring;

/// <summary>A breaker whose measure reached its threshold, with the figure that did it.</summary>
public sealed record BreakerTrip(CircuitBreaker Breaker, decimal Figure, decimal ReferenceNav)
{
    /// <summary>"drawdown 10.50% from 100,000.00 reached the reduce-positions level 10.00%"</summary>
    public string Describe() =>
        $"{RiskNames.Of(Breaker.Measure)} {RiskText.Percent(Figure)} from {RiskText.Money(ReferenceNav)} reached the {RiskNames.Of(Breaker.Action)} level {RiskText.Percent(Breaker.Threshold)}";
}
