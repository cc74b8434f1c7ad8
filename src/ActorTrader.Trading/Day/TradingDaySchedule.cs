using System.Globalization;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Day;

/// <summary>
/// The phases of one session, as UTC instants: exchange-local times of the settings are converted on the session's own
/// date, so DST is whatever the tz database says for that date. Early closes are respected: the market-close phase is the
/// session's close, runs at or after it are skipped (reported at the close), and a rebalance that would fall after it keeps
/// its distance to the close (15:45 → 12:45 when the session closes at 13:00). Pre-market never comes after the open.
/// </summary>
public static class TradingDaySchedule
{
    public static IReadOnlyList<ScheduledPhase> Build(MarketSession session, TradingDaySettings settings, IMarketCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        var date = session.Date;
        var phases = new List<ScheduledPhase>();
        var preMarket = calendar.ToUtc(date, settings.PreMarket);
        phases.Add(new ScheduledPhase(TradingDayPhase.PreMarket, preMarket <= session.Open ? preMarket : session.Open, []));
        phases.Add(new ScheduledPhase(TradingDayPhase.MarketOpen, session.Open, []));
        foreach (var run in settings.ScheduledRuns)
        {
            var at = calendar.ToUtc(date, run.At);
            string? skip = null;
            if (at >= session.Close)
            {
                // Reported at the close, so the day does not wait past its end for a run that cannot happen.
                skip = $"the session closes early at {Local(calendar, session.Close)}, before the run's time {Local(calendar, at)}";
                at = session.Close;
            }
            phases.Add(new ScheduledPhase(TradingDayPhase.StrategyRun, at, run.Strategies, skip));
            if (run.RebalanceAfter) phases.Add(new ScheduledPhase(TradingDayPhase.Rebalance, at, [], skip) { AfterRun = true });
        }
        if (settings.RebalanceAt is { } rebalanceAt)
        {
            var at = calendar.ToUtc(date, rebalanceAt);
            string? note = null;
            if (at >= session.Close)
            {
                // Keep the lead to the close that the setting has on a regular day.
                var lead = calendar.ToUtc(date, NyseCalendar.RegularClose) - at;
                var moved = session.Close - (lead > TimeSpan.Zero ? lead : TimeSpan.Zero);
                note = $"moved from {Local(calendar, at)} to {Local(calendar, moved)}: the session closes early at {Local(calendar, session.Close)}";
                at = moved;
            }
            phases.Add(new ScheduledPhase(TradingDayPhase.Rebalance, at, [], Note: note));
        }
        phases.Add(new ScheduledPhase(TradingDayPhase.MarketClose, session.Close, []));
        phases.Add(new ScheduledPhase(TradingDayPhase.PostMarket, session.Close + settings.PostMarketDelay, []));
        // Stable: equal times keep the order above (a run before the rebalance that follows it, close before post-market).
        return [.. phases.Select((p, i) => (p, i)).OrderBy(x => x.p.At).ThenBy(x => Rank(x.p.Phase)).ThenBy(x => x.i).Select(x => x.p)];
    }

    /// <summary>When the post-market phase of <paramref name="session"/> starts: the day is over after it.</summary>
    public static DateTimeOffset PostMarketAt(MarketSession session, TradingDaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        return session.Close + settings.PostMarketDelay;
    }

    /// <summary>An instant as exchange-local "HH:mm" and the zone (ET, UTC or its id), for messages.</summary>
    internal static string Local(IMarketCalendar calendar, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName(calendar);

    private static string ZoneName(IMarketCalendar calendar) => calendar.TimeZone.Id switch
    {
        "America/New_York" => "ET",
        "UTC" or "Etc/UTC" => "UTC",
        var id => id,
    };

    // At equal times: pre-market, open, runs, rebalance, close, post-market.
    private static int Rank(TradingDayPhase phase) => (int)phase;
}
