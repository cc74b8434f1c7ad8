using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>
/// One sleeve's target per bar (its <see cref="SleeveSchedule"/>) and the share of the account's capital it gets (its
/// meta-weight). Row t of the schedule is decided at the close of bar Dates[t]; the target for a trading date is the row
/// of the last bar strictly before that date, so a day's target never uses that day's own prices.
/// </summary>
public sealed record SleeveTargetSchedule(string Sleeve, double CapitalShare, SleeveSchedule Schedule)
{
    /// <summary>
    /// The weights decided at the last close before exchange-local <paramref name="date"/> (bars are dated by the
    /// exchange-local date of their time), or null when the schedule starts on or after it.
    /// </summary>
    public IReadOnlyDictionary<Symbol, double>? WeightsFor(DateOnly date, IMarketCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var row = -1;
        for (var t = 0; t < Schedule.Count; t++)
        {
            if (calendar.LocalDate(Schedule.Dates[t]) < date) row = t;
            else break;
        }
        if (row < 0) return null;
        var weights = new SortedDictionary<Symbol, double>();
        for (var s = 0; s < Schedule.Symbols.Count; s++)
        {
            var w = Schedule.Weights[row][s];
            if (w != 0 && double.IsFinite(w)) weights[Schedule.Symbols[s]] = w;
        }
        return weights;
    }

    /// <summary>The exchange-local date of the schedule's last decision bar (the last date it has a target after), or null when empty.</summary>
    public DateOnly? LastDecision(IMarketCalendar calendar) => Schedule.Count == 0 ? null : calendar.LocalDate(Schedule.Dates[^1]);
}
