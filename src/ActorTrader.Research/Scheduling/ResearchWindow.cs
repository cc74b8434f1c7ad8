using System.Globalization;

namespace ActorTrader.Research.Scheduling;

/// <summary>
/// When research may run (hocon <c>actortrader.research.window</c>): every day from <see cref="Start"/> to
/// <see cref="End"/> local time in <see cref="TimeZone"/> (an end at or before the start runs past midnight, e.g. 20:00–06:00),
/// and with <see cref="Weekends"/> all of Saturday and Sunday (local). Start is inclusive, end exclusive. Instants are
/// UTC inside; the wall clock is only used to find the boundaries, so a daylight-saving change moves the UTC instants of
/// 20:00 and 06:00 as a person in that zone expects. A disabled window is always open.
/// </summary>
public sealed record ResearchWindow
{
    public ResearchWindow(TimeOnly start, TimeOnly end, TimeZoneInfo timeZone, bool weekends = true, bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        Start = start;
        End = end;
        TimeZone = timeZone;
        Weekends = weekends;
        Enabled = enabled;
    }

    /// <summary>20:00–06:00 America/New_York and weekends: the US equity market is closed all that time.</summary>
    public static ResearchWindow Default { get; } = new(new TimeOnly(20, 0), new TimeOnly(6, 0), Domain.Calendar.ExchangeTimeZones.NewYork);

    /// <summary>Always open: research runs whenever it is asked to.</summary>
    public static ResearchWindow AlwaysOpen { get; } = Default with { Enabled = false };

    public TimeOnly Start { get; init; }

    public TimeOnly End { get; init; }

    public TimeZoneInfo TimeZone { get; init; }

    /// <summary>Saturday and Sunday (local dates) are open all day.</summary>
    public bool Weekends { get; init; }

    /// <summary>False: the window is always open.</summary>
    public bool Enabled { get; init; }

    /// <summary>Whether research may run at <paramref name="instant"/>.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        if (!Enabled) return true;
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        if (Weekends && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return true;
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        if (Start == End) return true;
        return Start < End ? time >= Start && time < End : time >= Start || time < End;
    }

    /// <summary>
    /// The first instant after <paramref name="instant"/> at which <see cref="IsOpen"/> changes, or null when it never
    /// changes (a disabled window, or one that is open all day).
    /// </summary>
    public DateTimeOffset? NextChange(DateTimeOffset instant)
    {
        if (!Enabled || Start == End) return null;
        var open = IsOpen(instant);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
        // Between two consecutive boundaries (local midnights, starts and ends) the state is constant, so the next
        // change is the first boundary after the instant whose state differs. A week and a day covers every pattern.
        var boundaries = new List<DateTimeOffset>();
        for (var day = today.AddDays(-1); day <= today.AddDays(8); day = day.AddDays(1))
        {
            boundaries.Add(ToUtc(day, TimeOnly.MinValue));
            boundaries.Add(ToUtc(day, Start));
            boundaries.Add(ToUtc(day, End));
        }
        boundaries.Sort();
        foreach (var boundary in boundaries)
        {
            if (boundary > instant && IsOpen(boundary) != open) return boundary;
        }
        return null;
    }

    /// <summary><c>20:00–06:00 America/New_York, weekends all day</c>, or <c>always open</c>.</summary>
    public override string ToString()
    {
        if (!Enabled) return "always open";
        var hours = Start == End
            ? "all day"
            : string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}–{End:HH\\:mm}");
        return $"{hours} {TimeZone.Id}{(Weekends ? ", weekends all day" : "")}";
    }

    /// <summary>
    /// The UTC instant of a local wall-clock time: a time skipped by a daylight-saving jump becomes the first valid minute
    /// after it; a time that occurs twice takes its first occurrence.
    /// </summary>
    private DateTimeOffset ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        for (var i = 0; i < 24 * 60 && TimeZone.IsInvalidTime(local); i++) local = local.AddMinutes(1);
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
