using ActorTrader.Domain.Bars;

namespace ActorTrader.Strategies;

/// <summary>
/// What a strategy needs to run: its bar timeframe, the history before its first signal, whether it shorts (margin
/// account), whether it needs fundamental inputs, and the symbols it always reads (e.g. a volatility index) if present.
/// </summary>
public sealed record StrategyRequirements(
    Timeframe Timeframe,
    int MinimumHistory,
    bool NeedsMargin = false,
    bool NeedsFundamentals = false,
    bool CanShort = false);
