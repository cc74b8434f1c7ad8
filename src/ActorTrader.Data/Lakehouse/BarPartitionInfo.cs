using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Lakehouse;

/// <summary>A partition's extent: first and last bar, row count, files, bytes and when it was last written (UTC, for freshness).</summary>
public sealed record BarPartitionInfo(
    Symbol Symbol,
    Timeframe Timeframe,
    DateTimeOffset FirstBar,
    DateTimeOffset LastBar,
    long Rows,
    int Files,
    long Bytes,
    DateTimeOffset LastWritten,
    string Provider,
    bool IsSynthetic);
