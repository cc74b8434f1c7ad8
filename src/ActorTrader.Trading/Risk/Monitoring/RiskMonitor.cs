namespace ActorTrader.Trading.Risk.Monitoring;

/// <summary>
/// Pure monitoring: measures a <see cref="NavReading"/> against the circuit breakers and says which trip now. Breakers
/// already tripped (by name) do not trip again; when several trip at once only the most severe action is taken, and all
/// of them count as tripped (a gap down through three levels closes positions once instead of reducing, then closing).
/// </summary>
public sealed class RiskMonitor
{
    public RiskMonitor(IReadOnlyList<CircuitBreaker> breakers)
    {
        ArgumentNullException.ThrowIfNull(breakers);
        Breakers = breakers;
    }

    public IReadOnlyList<CircuitBreaker> Breakers { get; }

    public RiskAssessment Assess(NavReading reading, IReadOnlySet<string> tripped)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(tripped);
        var breached = new List<BreakerTrip>();
        foreach (var breaker in Breakers)
        {
            if (breaker.Threshold <= 0m) continue;
            if (reading.Of(breaker.Measure) is not { } figure || figure < breaker.Threshold) continue;
            breached.Add(new BreakerTrip(breaker, figure, reading.ReferenceOf(breaker.Measure)!.Value));
        }
        // Most severe first, then by measure: a stable order for reasons and journals.
        var ordered = breached.OrderByDescending(t => t.Breaker.Action).ThenBy(t => t.Breaker.Measure).ToArray();
        return new RiskAssessment(reading, ordered, ordered.Where(t => !tripped.Contains(t.Breaker.Name)).ToArray());
    }

    /// <summary>
    /// The tripped breakers the start of a day re-arms: daily-loss and intraday breakers always, a drawdown breaker only
    /// when the drawdown (at <paramref name="reading"/>, if known) is back below its threshold — otherwise every day
    /// would cut the same drawdown again.
    /// </summary>
    public IReadOnlyList<string> Rearmed(IReadOnlySet<string> tripped, NavReading? reading)
    {
        ArgumentNullException.ThrowIfNull(tripped);
        return Breakers
            .Where(b => tripped.Contains(b.Name))
            .Where(b => b.Measure != RiskMeasure.Drawdown || (reading is not null && reading.Drawdown < b.Threshold))
            .Select(b => b.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
