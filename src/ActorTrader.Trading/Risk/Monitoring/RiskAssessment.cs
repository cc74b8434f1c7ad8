using ActorTrader.Trading.Risk.Actions;

namespace ActorTrader.Trading.Risk.Monitoring;

/// <summary>
/// What the monitor saw: every breaker whose threshold is reached now (<see cref="Breached"/>), those of them not
/// tripped before (<see cref="NewlyTripped"/>), and the action to take — the most severe newly tripped one, or none.
/// </summary>
public sealed record RiskAssessment(NavReading Reading, IReadOnlyList<BreakerTrip> Breached, IReadOnlyList<BreakerTrip> NewlyTripped)
{
    public RiskAction? Action => NewlyTripped.Count == 0 ? null : NewlyTripped.Max(t => t.Breaker.Action);

    /// <summary>Why the action is taken: every newly tripped breaker, most severe first.</summary>
    public string Reason => string.Join("; ", NewlyTripped.Select(t => t.Describe()));
}
