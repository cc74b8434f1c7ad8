using ActorTrader.Domain.Calendar;

namespace ActorTrader.Domain.Tests.Acceptance;

/// <summary>
/// Issue 6 acceptance: the computed NYSE calendar against the exchange's published "Holidays and Trading Hours"
/// for 2025–2027 (dates copied from the NYSE notice, not from the rules), and early closes at 13:00 New York in UTC
/// on both sides of DST.
/// </summary>
public sealed class PublishedNyseCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static TheoryData<int, DateOnly[]> PublishedHolidays => new()
    {
        {
            2025,
            [
                D(2025, 1, 1), D(2025, 1, 9), D(2025, 1, 20), D(2025, 2, 17), D(2025, 4, 18), D(2025, 5, 26),
                D(2025, 6, 19), D(2025, 7, 4), D(2025, 9, 1), D(2025, 11, 27), D(2025, 12, 25),
            ]
        },
        {
            2026,
            [
                D(2026, 1, 1), D(2026, 1, 19), D(2026, 2, 16), D(2026, 4, 3), D(2026, 5, 25),
                D(2026, 6, 19), D(2026, 7, 3), D(2026, 9, 7), D(2026, 11, 26), D(2026, 12, 25),
            ]
        },
        {
            // Juneteenth and Christmas fall on Saturdays (observed Friday), Independence Day on a Sunday (observed Monday).
            2027,
            [
                D(2027, 1, 1), D(2027, 1, 18), D(2027, 2, 15), D(2027, 3, 26), D(2027, 5, 31),
                D(2027, 6, 18), D(2027, 7, 5), D(2027, 9, 6), D(2027, 11, 25), D(2027, 12, 24),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void The_holidays_of_a_year_are_the_ones_the_NYSE_published(int year, DateOnly[] published)
    {
        Assert.Equal(published, NyseCalendar.Holidays(year).Select(h => h.Date));
    }

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void A_year_has_a_session_on_every_weekday_except_its_holidays(int year, DateOnly[] published)
    {
        var weekdays = 0;
        for (var d = D(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) weekdays++;
        }

        Assert.Equal(weekdays - published.Length, MarketCalendars.Nyse.Sessions(D(year, 1, 1), D(year, 12, 31)).Count);
    }

    [Fact]
    public void The_2025_early_closes_are_July_3_the_day_after_Thanksgiving_and_Christmas_Eve()
    {
        Assert.Equal([D(2025, 7, 3), D(2025, 11, 28), D(2025, 12, 24)], MarketCalendars.Nyse.EarlyCloses(2025));
    }

    [Fact]
    public void In_2026_July_3_is_the_observed_holiday_so_only_November_27_and_Christmas_Eve_close_early()
    {
        Assert.Equal([D(2026, 11, 27), D(2026, 12, 24)], MarketCalendars.Nyse.EarlyCloses(2026));
    }

    [Fact]
    public void A_summer_early_close_is_17_00_UTC_and_a_winter_one_18_00_UTC()
    {
        var july3 = MarketCalendars.Nyse.SessionOn(D(2025, 7, 3))!;
        var christmasEve = MarketCalendars.Nyse.SessionOn(D(2025, 12, 24))!;

        Assert.Equal(new DateTimeOffset(2025, 7, 3, 17, 0, 0, TimeSpan.Zero), july3.Close);
        Assert.Equal(new DateTimeOffset(2025, 12, 24, 18, 0, 0, TimeSpan.Zero), christmasEve.Close);
        Assert.Equal(TimeSpan.Zero, july3.Close.Offset);
    }

    [Fact]
    public void The_session_after_the_2026_spring_DST_switch_opens_an_hour_earlier_in_UTC()
    {
        // Clocks go forward on Sunday 2026-03-08.
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 14, 30, 0, TimeSpan.Zero), MarketCalendars.Nyse.SessionOn(D(2026, 3, 6))!.Open);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 30, 0, TimeSpan.Zero), MarketCalendars.Nyse.SessionOn(D(2026, 3, 9))!.Open);
    }
}
