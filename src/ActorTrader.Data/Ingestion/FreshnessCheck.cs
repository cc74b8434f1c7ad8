using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The freshness stage. A partition is skipped as fresh only when it was written within <c>freshness-hours</c> of now
/// AND already covers the requested range (see <see cref="RangeCoverage"/>): a recent write of 2024 says nothing about
/// 2019. Otherwise, when the stored bars cover the range start, only the bars after the last stored one are requested
/// (and the last stored bar is kept for the toxic check of the first new one); when nothing remains to fetch the symbol
/// is skipped as up to date. A partition that starts after the range start is fetched over the whole range: the
/// store's append skips the timestamps it already has, so fetching them again is harmless.
/// </summary>
/// <param name="calendarFor">A symbol's calendar for the coverage rule; null (or a null calendar) uses the calendar-free rule.</param>
public sealed class FreshnessCheck(IBarStore store, TimeProvider clock, double freshnessHours, Func<Symbol, IMarketCalendar?>? calendarFor = null)
{
    /// <summary>Describes the partition, then plans it as <see cref="Plan(Symbol, BarPartitionInfo?, Timeframe, DateTimeOffset, DateTimeOffset, DateOnly?)"/>.</summary>
    /// <param name="listedOn">The symbol's listing date when known: no bar is expected before it.</param>
    public FetchPlan Plan(Symbol symbol, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end, DateOnly? listedOn = null)
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
            return FetchPlan.Whole(symbol, timeframe, start, end);
        }
        return Plan(symbol, info, timeframe, start, end, listedOn);
    }

    /// <summary>Plans a symbol whose partition was already described (<paramref name="info"/> null when nothing is stored).</summary>
    public FetchPlan Plan(Symbol symbol, BarPartitionInfo? info, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end, DateOnly? listedOn = null)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        if (info is null) return FetchPlan.Whole(symbol, timeframe, start, end);

        var now = clock.GetUtcNow();
        var calendar = calendarFor?.Invoke(symbol);
        if (freshnessHours > 0 && now - info.LastWritten < TimeSpan.FromHours(freshnessHours)
            && RangeCoverage.Covers(info, start, end, now, calendar, listedOn))
        {
            return new FetchPlan(symbol, null, null,
                $"written {BarValidator.Time(info.LastWritten)}, within {freshnessHours} h; stored {BarValidator.Time(info.FirstBar)} .. {BarValidator.Time(info.LastBar)} covers the range");
        }

        if (info.LastBar < start || !CoversStart(info, timeframe, start, end, now, calendar, listedOn)) return FetchPlan.Whole(symbol, timeframe, start, end);
        var from = info.LastBar + timeframe.Duration;
        // Daily bars start at local midnight, which moves with DST; start just after the last stored bar instead.
        if (timeframe == Timeframe.Day1) from = info.LastBar.AddTicks(1);
        if (from >= end) return new FetchPlan(symbol, null, null, $"up to date: last bar {BarValidator.Time(info.LastBar)}");
        return new FetchPlan(symbol, new BarRequest(symbol, timeframe, from, end), ReadLast(symbol, timeframe, info.LastBar), null);
    }

    // Stored bars reach back to the range start: at or before it, or (with a calendar) on the first expected session,
    // so a range starting on a weekend or holiday still only needs its tail.
    private static bool CoversStart(BarPartitionInfo info, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now,
        IMarketCalendar? calendar, DateOnly? listedOn)
    {
        if (info.FirstBar <= start) return true;
        if (calendar is null || RangeCoverage.ExpectedSessions(calendar, timeframe, start, end, now, listedOn) is not { } expected) return false;
        return calendar.LocalDate(info.FirstBar) <= expected.First;
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
