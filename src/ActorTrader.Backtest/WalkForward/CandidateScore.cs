using ActorTrader.Backtest.Results;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Backtest.WalkForward;

/// <summary>How one candidate parameter set did on a window's train bars (vectorised, with the configured cost).</summary>
public sealed record CandidateScore(int Candidate, ParameterSet Parameters, BacktestStatistics Train);
