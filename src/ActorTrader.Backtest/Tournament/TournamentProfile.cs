using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Backtest.Tournament;

/// <summary>
/// One contestant data set: a named panel, and optionally a strategy with its parameters whose long targets pick the
/// candidates each engine allocates among at a rebalance (without one, every symbol with full lookback history is a
/// candidate — a plain returns-matrix profile).
/// </summary>
public sealed record TournamentProfile(string Name, BarPanel Panel, IStrategy? Strategy = null, ParameterSet? Parameters = null);
