using ActorTrader.Domain.Calendar;

namespace ActorTrader.Domain.Tests.Calendar;

public sealed class NyseHolidayTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void The_2024_holidays_are_the_ten_published_by_the_NYSE()
    {
        // NYSE "Holidays and Trading Hours" for 2024.
        DateOnly[] expected =
        [
            D(2024, 1, 1), D(2024, 1, 15), D(2024, 2, 19), D(2024, 3, 29), D(2024, 5, 27),
            D(2024, 6, 19), D(2024, 7, 4), D(2024, 9, 2), D(2024, 11, 28), D(2024, 12, 25),
        ];

        Assert.Equal(expected, NyseCalendar.Holidays(2024).Select(h => h.Date));
    }

    [Fact]
    public void The_2025_holidays_include_the_day_of_mourning_for_President_Carter()
    {
        var holidays = NyseCalendar.Holidays(2025);

        Assert.Contains(holidays, h => h.Date == D(2025, 1, 9) && h.Name.Contains("Carter", StringComparison.Ordinal));
        Assert.Equal(11, holidays.Count);
    }

    [Fact]
    public void Juneteenth_2022_fell_on_a_Sunday_and_was_observed_on_Monday()
    {
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2022, 6, 20)));
        Assert.NotNull(MarketCalendars.Nyse.SessionOn(D(2022, 6, 17)));
    }

    [Fact]
    public void Juneteenth_was_a_trading_day_before_2022()
    {
        Assert.NotNull(MarketCalendars.Nyse.SessionOn(D(2021, 6, 18)));
    }

    [Fact]
    public void New_Year_on_a_Saturday_is_not_observed_on_the_Friday_before()
    {
        // 2022-01-01 was a Saturday; the NYSE traded on Friday 2021-12-31.
        Assert.NotNull(MarketCalendars.Nyse.SessionOn(D(2021, 12, 31)));
        Assert.DoesNotContain(NyseCalendar.Holidays(2021), h => h.Date == D(2021, 12, 31));
    }

    [Fact]
    public void New_Year_on_a_Sunday_is_observed_on_Monday()
    {
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2023, 1, 2)));
    }

    [Fact]
    public void Independence_Day_on_a_Saturday_is_observed_on_Friday()
    {
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2020, 7, 3)));
        Assert.NotNull(MarketCalendars.Nyse.SessionOn(D(2020, 7, 2)));
    }

    [Fact]
    public void Christmas_on_a_Sunday_is_observed_on_Monday()
    {
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2022, 12, 26)));
    }

    [Fact]
    public void Good_Friday_follows_Easter()
    {
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2019, 4, 19)));
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2025, 4, 18)));
        Assert.NotNull(MarketCalendars.Nyse.SessionOn(D(2025, 4, 17)));
    }

    [Fact]
    public void Martin_Luther_King_Day_is_a_holiday_only_since_1998()
    {
        Assert.NotNull(MarketCalendars.Nyse.SessionOn(D(1997, 1, 20)));
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(1998, 1, 19)));
    }

    [Theory]
    [InlineData(2001, 9, 11)]
    [InlineData(2001, 9, 14)]
    [InlineData(2004, 6, 11)]
    [InlineData(2007, 1, 2)]
    [InlineData(2012, 10, 29)]
    [InlineData(2012, 10, 30)]
    [InlineData(2018, 12, 5)]
    public void Special_closures_have_no_session(int year, int month, int day)
    {
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(year, month, day)));
    }

    [Fact]
    public void Weekends_have_no_session()
    {
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2024, 6, 15)));
        Assert.Null(MarketCalendars.Nyse.SessionOn(D(2024, 6, 16)));
    }
}
