namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>What aggregating one strategy gave: its candidates in symbol order and how many audit events it emitted.</summary>
public sealed record StrategyCandidates(string Strategy, IReadOnlyList<CandidateStream> Candidates, int Events);
