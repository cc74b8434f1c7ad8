namespace ActorTrader.Backtest.WalkForward;

/// <summary>The per-window choice: given every candidate's train score, which one trades the test window.</summary>
public interface IWalkForwardSelector
{
    /// <summary>Index into <paramref name="scores"/> (which are in candidate order).</summary>
    int Choose(WalkForwardWindow window, IReadOnlyList<CandidateScore> scores);
}
