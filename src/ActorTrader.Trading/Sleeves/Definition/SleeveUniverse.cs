using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>The symbols a sleeve trades, their bar timeframe, and where their bars come from (auto = embedded default data).</summary>
public sealed record SleeveUniverse(IReadOnlyList<Symbol> Symbols, Timeframe Timeframe, PanelSourceKind Source);
