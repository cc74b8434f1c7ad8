namespace ActorTrader.Backtest.StrategyRuns;

/// <summary>What <see cref="LookAheadAudit"/> checked (the decision bars, ascending) and every finding; clean when there are none.</summary>
public sealed record LookAheadAuditReport(string Strategy, IReadOnlyList<int> CheckedBars, IReadOnlyList<LookAheadFinding> Findings)
{
    public bool IsClean => Findings.Count == 0;
}
