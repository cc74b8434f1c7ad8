using ActorTrader.Domain.Calendar;

namespace ActorTrader.Domain.Tests.Calendar;

public sealed class NyseSessionTests
{
    private static readonly NyseCalendar Nyse = MarketCalendars.Nyse;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2018, 251)]
    [InlineData(2019, 252)]
    [InlineData(2022, 251)]
    [InlineData(2023, 250)]
    [InlineData(2024, 252)]
    [InlineData(2025, 250)]
    public void A_year_has_the_published_number_of_sessions(int year, int sessions)
    {
        Assert.Equal(sessions, Nyse.Sessions(D(year, 1, 1), D(year, 12, 31)).Count);
    }

    [Theory]
    [InlineData(2023, 7, 3)]
    [InlineData(2024, 7, 3)]
    [InlineData(2019, 12, 24)]
    [InlineData(2020, 11, 27)]
    [InlineData(2013, 7, 3)]
    [InlineData(2002, 7, 5)]
    [InlineData(2018, 12, 24)]
    public void Known_early_closes_end_at_13_00_New_York_time(int year, int month, int day)
    {
        var session = Nyse.SessionOn(D(year, month, day));

        Assert.NotNull(session);
        Assert.True(session.IsEarlyClose);
        Assert.Equal(new TimeOnly(13, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.Close, Nyse.TimeZone).DateTime));
    }

    [Fact]
    public void The_2024_early_closes_are_July_3_the_day_after_Thanksgiving_and_Christmas_Eve()
    {
        Assert.Equal([D(2024, 7, 3), D(2024, 11, 29), D(2024, 12, 24)], Nyse.EarlyCloses(2024));
    }

    [Fact]
    public void The_day_before_a_Monday_observed_Independence_Day_is_a_full_session()
    {
        // 2021-07-04 was a Sunday, observed Monday 07-05; Friday 07-02 closed at 16:00.
        var session = Nyse.SessionOn(D(2021, 7, 2));

        Assert.NotNull(session);
        Assert.False(session.IsEarlyClose);
    }

    [Fact]
    public void Friday_after_a_Thursday_Independence_Day_is_a_full_session_since_2013()
    {
        Assert.False(Nyse.SessionOn(D(2019, 7, 5))!.IsEarlyClose);
    }

    [Fact]
    public void A_regular_session_in_summer_is_13_30_to_20_00_UTC()
    {
        var session = Nyse.SessionOn(D(2024, 6, 12))!;

        Assert.Equal(Utc(2024, 6, 12, 13, 30), session.Open);
        Assert.Equal(Utc(2024, 6, 12, 20, 0), session.Close);
    }

    [Fact]
    public void The_spring_DST_switch_moves_the_open_one_hour_earlier_in_UTC()
    {
        // DST began Sunday 2024-03-10.
        Assert.Equal(Utc(2024, 3, 8, 14, 30), Nyse.SessionOn(D(2024, 3, 8))!.Open);
        Assert.Equal(Utc(2024, 3, 11, 13, 30), Nyse.SessionOn(D(2024, 3, 11))!.Open);
    }

    [Fact]
    public void The_autumn_DST_switch_moves_the_close_one_hour_later_in_UTC()
    {
        // DST ended Sunday 2024-11-03.
        Assert.Equal(Utc(2024, 11, 1, 20, 0), Nyse.SessionOn(D(2024, 11, 1))!.Close);
        Assert.Equal(Utc(2024, 11, 4, 21, 0), Nyse.SessionOn(D(2024, 11, 4))!.Close);
    }

    [Fact]
    public void The_market_is_open_from_the_open_inclusive_to_the_close_exclusive()
    {
        Assert.False(Nyse.IsOpen(Utc(2024, 6, 12, 13, 29)));
        Assert.True(Nyse.IsOpen(Utc(2024, 6, 12, 13, 30)));
        Assert.True(Nyse.IsOpen(Utc(2024, 6, 12, 19, 59)));
        Assert.False(Nyse.IsOpen(Utc(2024, 6, 12, 20, 0)));
    }

    [Fact]
    public void The_market_is_closed_at_14_00_New_York_on_an_early_close_day()
    {
        Assert.True(Nyse.IsOpen(Utc(2023, 7, 3, 16, 59)));
        Assert.False(Nyse.IsOpen(Utc(2023, 7, 3, 18, 0)));
    }

    [Fact]
    public void The_market_is_closed_on_a_weekday_holiday_during_regular_hours()
    {
        Assert.False(Nyse.IsOpen(Utc(2024, 7, 4, 15, 0)));
    }

    [Fact]
    public void The_market_is_closed_on_a_weekend()
    {
        Assert.False(Nyse.IsOpen(Utc(2024, 6, 15, 15, 0)));
    }

    [Fact]
    public void Right_after_the_spring_DST_switch_the_open_follows_the_new_offset()
    {
        // 2024-03-11 13:45 UTC is 09:45 EDT: open. The same UTC time on 03-08 was 08:45 EST: closed.
        Assert.True(Nyse.IsOpen(Utc(2024, 3, 11, 13, 45)));
        Assert.False(Nyse.IsOpen(Utc(2024, 3, 8, 13, 45)));
    }

    [Fact]
    public void Next_session_while_open_is_the_current_session()
    {
        Assert.Equal(D(2024, 6, 12), Nyse.NextSession(Utc(2024, 6, 12, 15, 0)).Date);
    }

    [Fact]
    public void Next_session_before_the_open_is_the_same_day()
    {
        Assert.Equal(D(2024, 6, 12), Nyse.NextSession(Utc(2024, 6, 12, 11, 0)).Date);
    }

    [Fact]
    public void Next_session_at_the_close_is_the_next_trading_day()
    {
        Assert.Equal(D(2024, 6, 13), Nyse.NextSession(Utc(2024, 6, 12, 20, 0)).Date);
    }

    [Fact]
    public void Next_session_after_Friday_close_is_Monday()
    {
        Assert.Equal(D(2024, 6, 17), Nyse.NextSession(Utc(2024, 6, 14, 21, 0)).Date);
    }

    [Fact]
    public void Next_session_skips_a_holiday_weekend()
    {
        // Thanksgiving 2024-11-28 is a holiday; the next session after Wednesday's close is the Friday early close.
        var next = Nyse.NextSession(Utc(2024, 11, 27, 22, 0));

        Assert.Equal(D(2024, 11, 29), next.Date);
        Assert.True(next.IsEarlyClose);
    }

    [Fact]
    public void Next_session_across_Good_Friday_and_the_spring_DST_weekend_uses_the_new_offset()
    {
        // Good Friday 2024-03-29; next is Monday 04-01 at 13:30 UTC (EDT).
        var next = Nyse.NextSession(Utc(2024, 3, 28, 20, 30));

        Assert.Equal(Utc(2024, 4, 1, 13, 30), next.Open);
    }

    [Fact]
    public void Next_session_across_the_autumn_DST_weekend_uses_the_new_offset()
    {
        var next = Nyse.NextSession(Utc(2024, 11, 1, 20, 0));

        Assert.Equal(Utc(2024, 11, 4, 14, 30), next.Open);
    }

    [Fact]
    public void Sessions_are_ascending_and_only_on_weekdays()
    {
        var sessions = Nyse.Sessions(D(2020, 1, 1), D(2020, 12, 31));

        Assert.All(sessions, s => Assert.InRange(s.Date.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        Assert.Equal(sessions.OrderBy(s => s.Date).Select(s => s.Date), sessions.Select(s => s.Date));
    }

    [Fact]
    public void Daily_bar_timestamps_are_local_midnight_in_UTC()
    {
        Assert.Equal(Utc(2024, 1, 2, 5, 0), Nyse.StartOfDayUtc(D(2024, 1, 2)));
        Assert.Equal(Utc(2024, 7, 2, 4, 0), Nyse.StartOfDayUtc(D(2024, 7, 2)));
    }
}
