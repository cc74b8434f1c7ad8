using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// Turns an instrument's path into the bars of a request: daily bars on the sessions of its calendar (stamped
/// at the session date's local midnight in UTC, 00:00 UTC for crypto) and 1-minute bars inside sessions.
/// The path is computed from the session before the first requested one, so the first bar's open is right.
/// </summary>
internal static class SyntheticBarGenerator
{
    private const int MaxInitialCapacity = 1 << 20;

    public static List<Bar> Generate(SyntheticInstrument instrument, SyntheticTimeline timeline, SharedFactorCache factors, Timeframe timeframe,
        DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var schedule = instrument.Schedule;
        var calendar = schedule.Calendar;
        var bars = new List<Bar>();
        var timelineStart = new DateTimeOffset(SyntheticTimeline.Epoch.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var timelineEnd = new DateTimeOffset(SyntheticTimeline.Horizon.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var from = start > timelineStart ? start : timelineStart;
        var to = end < timelineEnd ? end : timelineEnd;
        if (from >= to) return bars;

        var firstDay = Math.Max(1, SyntheticTimeline.DayIndex(calendar.LocalDate(from)));
        var lastDay = Math.Min(schedule.DayCount - 1, SyntheticTimeline.DayIndex(calendar.LocalDate(to)));
        var previous = schedule.PreviousSession(firstDay);
        if (previous < 0) previous = NextSession(schedule, -1, lastDay);
        if (previous < 0 || previous >= lastDay) return bars;

        var isDaily = timeframe == Timeframe.Day1;
        var sessions = (lastDay - firstDay + 1) * schedule.SessionsPerYear / 365.2425;
        var barsPerSession = isDaily ? 1 : instrument.IsCrypto ? 1440 : 390;
        bars.Capacity = (int)Math.Min(MaxInitialCapacity, Math.Ceiling((sessions + 2) * barsPerSession));

        var pathStart = previous;
        var logCloses = SyntheticPath.LogCloses(instrument, timeline, factors, pathStart, lastDay);
        for (var day = pathStart + 1; day <= lastDay; day++)
        {
            var session = schedule.Day(day);
            if (!session.IsSession) continue;
            var wanted = isDaily
                ? session.BarTimestamp >= from && session.BarTimestamp < to
                : session.Open < to && session.Close > from;
            if (wanted)
            {
                var daily = DailyShape.Create(instrument, timeline, day, logCloses[previous - pathStart], logCloses[day - pathStart]);
                if (isDaily) bars.Add(ToBar(session.BarTimestamp, daily, instrument));
                else SyntheticMinuteBars.Append(instrument, day, daily, from, to, bars);
            }
            previous = day;
            if ((day & 127) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        cancellationToken.ThrowIfCancellationRequested();
        return bars;
    }

    private static Bar ToBar(DateTimeOffset timestamp, in DailyShape daily, SyntheticInstrument instrument)
    {
        var decimals = instrument.PriceDecimals;
        return new Bar(
            timestamp,
            PriceTicks.ToDecimal(daily.Open, decimals),
            PriceTicks.ToDecimal(daily.High, decimals),
            PriceTicks.ToDecimal(daily.Low, decimals),
            PriceTicks.ToDecimal(daily.Close, decimals),
            PriceTicks.ToDecimal(daily.Volume, instrument.VolumeDecimals),
            daily.TradeCount,
            PriceTicks.ToDecimal((daily.Open + daily.High + daily.Low + daily.Close) / 4, decimals));
    }

    private static int NextSession(SessionSchedule schedule, int after, int last)
    {
        for (var day = after + 1; day <= last; day++)
        {
            if (schedule.Day(day).IsSession) return day;
        }
        return -1;
    }
}
