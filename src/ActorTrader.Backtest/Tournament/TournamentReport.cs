using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Rebalancing;

namespace ActorTrader.Backtest.Tournament;

/// <summary>Every engine × profile cell, engines in the order asked, then profiles in the order given; no engine is ever left out.</summary>
public sealed record TournamentReport(
    string RunId,
    IReadOnlyList<string> Engines,
    IReadOnlyList<string> Profiles,
    RebalanceSchedule Rebalance,
    int Lookback,
    EventDrivenOptions Realised,
    IReadOnlyList<TournamentCell> Cells)
{
    /// <summary>Annualised volatility efficient-risk was given; null when not recorded.</summary>
    public double? TargetVolatility { get; init; }

    /// <summary>Annualised arithmetic return efficient-return was given; null when not recorded.</summary>
    public double? TargetReturn { get; init; }
}
