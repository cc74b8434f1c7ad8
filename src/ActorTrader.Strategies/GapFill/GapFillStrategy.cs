using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.GapFill;

/// <summary>
/// Fades the opening gap of US equities on 1-minute bars: gap = first regular-session open / previous session's last
/// regular close − 1. A gap down is bought (a gap up shorted, on margin) when min_gap ≤ |gap| ≤ max_gap, entering at the
/// first decision between 09:31 and 11:30 America/New_York at which the price has retraced <c>confirm_fraction</c> of the
/// gap; the trade ends when <c>target_fill</c> of the gap is filled, at the stop, or at the exit time (flat from then on).
/// <para>
/// A decision is made at the close of its bar (bar start + 1 minute), so the 09:30 bar decides at 09:31. Exchange times
/// come from <see cref="MarketCalendars.Nyse"/> (DST, holidays and early closes included). One trade per symbol and session.
/// Every detected gap (|gap| ≥ <c>log_gap</c>, or traded) emits exactly one <c>gap</c> event — when it is entered, or as soon
/// as it is clear it will not be (at the open for a gap outside the bounds, later when it fills or the window passes).
/// </para>
/// <para>
/// Gross exposure: every open trade is ±<c>position_size</c>, so Σ|target| exceeds 1 when several symbols gap at once (consumers
/// normalise by max(1, Σ|target|)). Replay it on every bar (<c>every</c> = 1): an event is emitted only at the bar at which it
/// became known, so with a coarser schedule gaps that resolve between two decisions are not logged.
/// </para>
/// </summary>
public sealed class GapFillStrategy : Strategy<GapFillParameters>, IConditionalShorting
{
    public const string GapEvent = "gap";

    public const string ExitEvent = "gap_exit";

    private static readonly TimeOnly EntryStart = new(9, 31);
    private static readonly TimeOnly EntryEnd = new(11, 30);

    public override string Name => "gap_fill";

    public override string Description => "Fades opening gaps on 1-minute bars, entries 09:31–11:30 ET, flat by the exit time; every gap is logged.";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Minute1, MinimumHistory: 2, CanShort: true);

    public ShortingSetting? ShortsWith(ParameterSet parameters)
    {
        var direction = GapFillParameters.From(parameters ?? throw new ArgumentNullException(nameof(parameters))).Direction;
        return direction.AllowsShort() ? new ShortingSetting("direction", TradeDirections.Names[(int)direction], "long") : null;
    }

    public override SignalSet Evaluate(PointInTimePanel panel, GapFillParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        if (panel.Timeframe != Timeframe.Minute1)
            throw new ArgumentException($"gap_fill needs {Timeframe.Minute1} bars; the panel has {panel.Timeframe} bars. Fix: give the sleeve running gap_fill 1-minute data.", nameof(panel));

        var calendar = MarketCalendars.Nyse;
        var now = panel.DecisionTime;
        if (calendar.SessionOn(calendar.LocalDate(now)) is not { } session || now < session.Open || now >= session.Close)
            return SignalSet.Flat(now);
        if (PreviousSession(calendar, session.Date) is not { } previous) return SignalSet.Flat(now);

        var clock = new SessionClock(
            calendar.ToUtc(session.Date, EntryStart),
            calendar.ToUtc(session.Date, EntryEnd),
            Min(session.Open.AddMinutes(parameters.ExitMinutesAfterOpen), session.Close.AddMinutes(-1)),
            panel.Timeframe.Duration);
        var times = panel.Times;
        var first = panel.Now;
        while (first > 0 && times[first - 1] >= session.Open) first--;
        var lastBefore = first - 1;

        var signals = new List<StrategySignal>();
        var events = new List<StrategyEvent>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            var previousClose = LastClose(panel, s, lastBefore, previous);
            if (double.IsNaN(previousClose)) continue;
            var trade = GapTrade.Replay(panel, s, first, previousClose, parameters, clock);
            if (trade is null) continue;
            if (trade.EventAt == panel.Now && trade.EventDetail is { } detail)
                events.Add(new StrategyEvent(now, panel.Symbols[s], GapEvent, detail));
            if (trade.ExitedAt == panel.Now && trade.ExitDetail is { } exit)
                events.Add(new StrategyEvent(now, panel.Symbols[s], ExitEvent, exit));
            if (trade.IsOpen) signals.Add(new StrategySignal(panel.Symbols[s], trade.Side * parameters.PositionSize, trade.EntryDetail));
        }
        return new SignalSet(now, signals, events);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    // Holidays never run longer than a few days; ten days back always reaches the previous trading day.
    private static MarketSession? PreviousSession(NyseCalendar calendar, DateOnly date)
    {
        for (var d = date.AddDays(-1); d >= date.AddDays(-10); d = d.AddDays(-1))
        {
            if (calendar.SessionOn(d) is { } session) return session;
        }
        return null;
    }

    // The last regular-session close of the previous session; after-hours bars are skipped, pre-market ones stop the scan.
    private static double LastClose(PointInTimePanel panel, int symbol, int from, MarketSession previous)
    {
        var times = panel.Times;
        var close = panel.Close(symbol);
        for (var j = from; j >= 0 && times[j] >= previous.Open; j--)
        {
            if (times[j] < previous.Close && double.IsFinite(close[j]) && close[j] > 0) return close[j];
        }
        return double.NaN;
    }
}
