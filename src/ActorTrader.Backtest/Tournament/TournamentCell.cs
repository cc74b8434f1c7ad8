using ActorTrader.Backtest.Results;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Tournament;

/// <summary>
/// One engine on one profile: idealised statistics (vectorised, no costs), realised ones (event-driven with costs) and
/// the alpha decay between their Sharpe ratios — or the error that stopped the engine (then the figures are null).
/// </summary>
public sealed record TournamentCell(
    string Engine,
    string Profile,
    BacktestStatistics? Idealised,
    BacktestStatistics? Realised,
    AlphaDecay? Decay,
    string? Error)
{
    public bool Failed => Error is not null;
}
