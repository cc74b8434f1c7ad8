using ActorTrader.Domain.Calendar;

namespace ActorTrader.Domain.Tests.Calendar;

public sealed class CalendarDatesTests
{
    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_matches_published_dates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), CalendarDates.EasterSunday(year));
    }

    [Fact]
    public void Thanksgiving_2024_is_the_fourth_Thursday_of_November()
    {
        Assert.Equal(new DateOnly(2024, 11, 28), CalendarDates.NthWeekday(2024, 11, DayOfWeek.Thursday, 4));
    }

    [Fact]
    public void Memorial_Day_2021_is_the_last_Monday_of_May()
    {
        Assert.Equal(new DateOnly(2021, 5, 31), CalendarDates.LastWeekday(2021, 5, DayOfWeek.Monday));
    }
}
