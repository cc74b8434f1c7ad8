using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The planning stage of a run: describes the symbol's partition once, refuses it when synthetic and real bars would
/// mix (<see cref="SyntheticSeparation"/>, checked before freshness so a fresh partition of the other kind is reported,
/// not silently skipped), and otherwise lets <see cref="FreshnessCheck"/> decide what to fetch.
/// </summary>
internal sealed class FetchPlanner(IBarStore store, FreshnessCheck freshness, BarWriteSource source)
{
    public FetchPlan Plan(Symbol symbol, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end, DateOnly? listedOn)
    {
        BarPartitionInfo? info;
        try
        {
            info = store.Describe(symbol, timeframe);
        }
        catch (CorruptPartitionException)
        {
            // The write stage meets the same file, quarantines it and reports it; fetch the whole range meanwhile.
            return FetchPlan.Whole(symbol, timeframe, start, end);
        }
        if (info is not null && SyntheticSeparation.Check(symbol, info, source) is { } mixed) return FetchPlan.Refused(mixed);
        return freshness.Plan(symbol, info, timeframe, start, end, listedOn);
    }
}
