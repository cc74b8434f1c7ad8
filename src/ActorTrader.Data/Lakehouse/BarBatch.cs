using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Lakehouse;

/// <summary>Bars of one partition to write, ascending by timestamp.</summary>
public sealed record BarBatch(Symbol Symbol, Timeframe Timeframe, IReadOnlyList<Bar> Bars);
