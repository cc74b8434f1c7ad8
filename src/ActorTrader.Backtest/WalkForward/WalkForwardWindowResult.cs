using ActorTrader.Backtest.Results;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Backtest.WalkForward;

/// <summary>One window's outcome: every candidate's train score, the one chosen, and its out-of-sample statistics (null when the test window has fewer than 4 bars).</summary>
public sealed record WalkForwardWindowResult(
    WalkForwardWindow Window,
    IReadOnlyList<CandidateScore> Scores,
    int Chosen,
    ParameterSet ChosenParameters,
    BacktestStatistics? Test);
