namespace ActorTrader.Backtest.Reports;

/// <summary>Who and when for a run's <c>INDEX.md</c>: the profile (or sleeve), the run id and the UTC time the run started.</summary>
public sealed record RunIndexHeader(string Profile, string RunId, DateTimeOffset StartedAt);
