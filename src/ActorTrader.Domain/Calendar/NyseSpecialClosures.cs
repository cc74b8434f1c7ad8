namespace ActorTrader.Domain.Calendar;

/// <summary>
/// Unscheduled NYSE full-day closures that no rule predicts. Sources: NYSE "Holidays and Trading Hours"
/// notices and press releases, and the NYSE historical closings list used by pandas_market_calendars
/// (Stocks.NYSE-Closings.pdf). 1994-04-27 is also confirmed by its absence from the shipped price files.
/// </summary>
internal static class NyseSpecialClosures
{
    private static readonly Dictionary<DateOnly, string> Closures = new()
    {
        [new DateOnly(1985, 9, 27)] = "Hurricane Gloria",
        [new DateOnly(1994, 4, 27)] = "National Day of Mourning for President Nixon",
        [new DateOnly(2001, 9, 11)] = "September 11 attacks",
        [new DateOnly(2001, 9, 12)] = "September 11 attacks",
        [new DateOnly(2001, 9, 13)] = "September 11 attacks",
        [new DateOnly(2001, 9, 14)] = "September 11 attacks",
        [new DateOnly(2004, 6, 11)] = "National Day of Mourning for President Reagan",
        [new DateOnly(2007, 1, 2)] = "National Day of Mourning for President Ford",
        [new DateOnly(2012, 10, 29)] = "Hurricane Sandy",
        [new DateOnly(2012, 10, 30)] = "Hurricane Sandy",
        [new DateOnly(2018, 12, 5)] = "National Day of Mourning for President George H. W. Bush",
        [new DateOnly(2025, 1, 9)] = "National Day of Mourning for President Carter",
    };

    public static string? NameOn(DateOnly date) => Closures.GetValueOrDefault(date);
}
