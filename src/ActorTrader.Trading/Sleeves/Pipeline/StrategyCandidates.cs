using ActorTrader.Strategies.Signals;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>What aggregating one strategy gave: its candidates in symbol order and how many audit events it emitted.</summary>
public sealed record StrategyCandidates(string Strategy, IReadOnlyList<CandidateStream> Candidates, int Events)
{
    /// <summary>The audit events themselves (logged whether or not the strategy traded on them), in time order; written to <c>01_events.jsonl</c>.</summary>
    public IReadOnlyList<StrategyEvent> EventLog { get; init; } = [];
}
