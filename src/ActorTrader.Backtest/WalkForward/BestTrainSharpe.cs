namespace ActorTrader.Backtest.WalkForward;

/// <summary>
/// Picks the candidate with the highest train Sharpe. An undefined Sharpe (a flat run: no variance) counts as 0 — staying
/// in cash beats a losing candidate; ties go to the earlier candidate.
/// </summary>
public sealed class BestTrainSharpe : IWalkForwardSelector
{
    public int Choose(WalkForwardWindow window, IReadOnlyList<CandidateScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) throw new ArgumentException("There are no candidates to choose from.", nameof(scores));
        var best = 0;
        for (var i = 1; i < scores.Count; i++)
        {
            if (Score(scores[i]) > Score(scores[best])) best = i;
        }
        return best;
    }

    private static double Score(CandidateScore score) => double.IsNaN(score.Train.Sharpe) ? 0 : score.Train.Sharpe;
}
