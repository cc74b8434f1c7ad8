using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Lakehouse;

/// <summary>Identifies one bar partition.</summary>
internal readonly record struct PartitionKey(Symbol Symbol, Timeframe Timeframe)
{
    public override string ToString() => $"{Symbol} {Timeframe}";
}
