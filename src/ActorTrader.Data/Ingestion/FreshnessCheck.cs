using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The freshness stage: a partition written within <c>freshness-hours</c> of now is skipped. Otherwise, when the
/// stored bars already cover the range start, only the bars after the last stored one are requested (and the
/// last stored bar is kept for the toxic check of the first new one); when nothing remains to fetch the symbol
/// is skipped as up to date.
/// </summary>
public sealed class FreshnessCheck(IBarStore store, TimeProvider clock, double freshnessHours)
{
    public FetchPlan Plan(Symbol symbol, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        BarPartitionInfo? info;
        try
        {
            info = store.Describe(symbol, timeframe);
        }
        catch (CorruptPartitionException)
        {
            // The write stage meets the same file, quarantines it and reports it; fetch the whole range meanwhile.
            return new FetchPlan(symbol, new BarRequest(symbol, timeframe, start, end), null, null);
        }
        if (info is null) return new FetchPlan(symbol, new BarRequest(symbol, timeframe, start, end), null, null);

        var now = clock.GetUtcNow();
        if (freshnessHours > 0 && now - info.LastWritten < TimeSpan.FromHours(freshnessHours))
            return new FetchPlan(symbol, null, null, $"written {BarValidator.Time(info.LastWritten)}, within {freshnessHours} h");

        if (info.FirstBar > start || info.LastBar < start) return new FetchPlan(symbol, new BarRequest(symbol, timeframe, start, end), null, null);
        var from = info.LastBar + timeframe.Duration;
        // Daily bars start at local midnight, which moves with DST; start just after the last stored bar instead.
        if (timeframe == Timeframe.Day1) from = info.LastBar.AddTicks(1);
        if (from >= end) return new FetchPlan(symbol, null, null, $"up to date: last bar {BarValidator.Time(info.LastBar)}");
        return new FetchPlan(symbol, new BarRequest(symbol, timeframe, from, end), ReadLast(symbol, timeframe, info.LastBar), null);
    }

    private Bar? ReadLast(Symbol symbol, Timeframe timeframe, DateTimeOffset lastBar)
    {
        try
        {
            var bars = store.Read(symbol, timeframe, lastBar, lastBar.AddTicks(1));
            return bars.Count > 0 ? bars[^1] : null;
        }
        catch (CorruptPartitionException)
        {
            // Reported when the write stage quarantines the partition; the toxic check then starts at the first fetched bar.
            return null;
        }
    }
}
