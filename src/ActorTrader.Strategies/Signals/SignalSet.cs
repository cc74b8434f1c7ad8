namespace ActorTrader.Strategies.Signals;

/// <summary>
/// Everything one evaluation produced at <see cref="DecisionTime"/>: signals (symbols not listed are flat) and audit
/// events. Signals are sorted by symbol so equal inputs give equal outputs.
/// </summary>
public sealed class SignalSet
{
    public SignalSet(DateTimeOffset decisionTime, IEnumerable<StrategySignal> signals, IEnumerable<StrategyEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(signals);
        DecisionTime = decisionTime.ToUniversalTime();
        Signals = [.. signals.OrderBy(s => s.Symbol)];
        foreach (var s in Signals)
        {
            if (!double.IsFinite(s.Target) || s.Target < -1 || s.Target > 1)
                throw new ArgumentException($"Signal for {s.Symbol} at {DecisionTime:O} is {s.Target}; targets must be finite and within [-1, 1].", nameof(signals));
        }
        Events = [.. events ?? []];
    }

    public DateTimeOffset DecisionTime { get; }

    public IReadOnlyList<StrategySignal> Signals { get; }

    public IReadOnlyList<StrategyEvent> Events { get; }

    public static SignalSet Flat(DateTimeOffset decisionTime, IEnumerable<StrategyEvent>? events = null) => new(decisionTime, [], events);
}
