using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Risk.TradeCount;

/// <summary>
/// The exchange trading date the daily trade count belongs to, and the instant from which orders count for it — on the
/// actor system's clock, the one the order manager stamps <c>SubmittedAt</c> with, so its book can be read against it.
/// </summary>
internal readonly record struct TradeDay(DateOnly Date, DateTimeOffset Since)
{
    /// <summary>
    /// The trading day at <paramref name="now"/>: the exchange-local date of now (America/New_York for NYSE), counted from
    /// its local midnight, so orders placed before the open count for their date and the count starts afresh at
    /// midnight without any message. A <see cref="StartOfDay"/> that named another date after that midnight wins (a
    /// replay, whose market clock is not the actor system's): then that date counts from when it was named.
    /// </summary>
    /// <param name="named">The date of the last <see cref="StartOfDay"/> and when it was handled, if there was one.</param>
    public static TradeDay At(DateTimeOffset now, IMarketCalendar calendar, (DateOnly Date, DateTimeOffset At)? named)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var date = calendar.LocalDate(now);
        var local = new TradeDay(date, calendar.StartOfDayUtc(date));
        return named is { } day && day.Date != date && day.At >= local.Since ? new TradeDay(day.Date, day.At) : local;
    }
}
