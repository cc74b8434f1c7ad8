using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Lakehouse;

/// <summary>The outcome of one <see cref="IBarStore.Write"/>: rows added per partition and partitions quarantined.</summary>
public sealed record BarWriteResult(
    IReadOnlyDictionary<(Symbol Symbol, Timeframe Timeframe), int> RowsAdded,
    IReadOnlyList<QuarantinedPartition> Quarantined)
{
    public long TotalRowsAdded => RowsAdded.Values.Sum(v => (long)v);
}

/// <summary>A partition moved aside because it could not be read; <see cref="Reason"/> names file and cause.</summary>
public sealed record QuarantinedPartition(Symbol Symbol, Timeframe Timeframe, string MovedTo, string Reason);
