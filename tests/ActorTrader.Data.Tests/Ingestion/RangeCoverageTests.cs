using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>
/// The coverage rule on both sides, counted by hand on <see cref="WeekdayCalendar"/> (UTC, Monday to Friday) and with no
/// calendar. 2024-01-01 is a Monday; <see cref="Now"/> is long after every range.
/// </summary>
public class RangeCoverageTests
{
    private static readonly Symbol Spy = Symbol.Parse("NYSE:SPY");
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly WeekdayCalendar Weekdays = new();

    private static DateTimeOffset Day(int month, int day, int hour = 0) => new(2024, month, day, hour, 0, 0, TimeSpan.Zero);

    private static BarPartitionInfo Stored(DateTimeOffset first, DateTimeOffset last, Timeframe? timeframe = null) =>
        new(Spy, timeframe ?? Timeframe.Day1, first, last, 10, 1, 640, Now, "csv", false);

    [Fact]
    public void Expected_sessions_skip_weekends_at_both_ends()
    {
        // Saturday 01-06 .. Monday 01-15 00:00 (exclusive): Monday 01-08 to Friday 01-12.
        var expected = RangeCoverage.ExpectedSessions(Weekdays, Timeframe.Day1, Day(1, 6), Day(1, 15), Now);
        Assert.Equal((new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 12)), expected);
    }

    [Fact]
    public void A_partition_from_the_first_to_the_last_expected_session_covers_the_range()
    {
        Assert.True(RangeCoverage.Covers(Stored(Day(1, 8), Day(1, 12)), Day(1, 6), Day(1, 15), Now, Weekdays));
    }

    [Fact]
    public void A_partition_starting_one_session_late_does_not_cover_the_range()
    {
        Assert.False(RangeCoverage.Covers(Stored(Day(1, 9), Day(1, 12)), Day(1, 6), Day(1, 15), Now, Weekdays));
    }

    [Fact]
    public void A_partition_ending_one_session_early_does_not_cover_the_range()
    {
        Assert.False(RangeCoverage.Covers(Stored(Day(1, 8), Day(1, 11)), Day(1, 6), Day(1, 15), Now, Weekdays));
    }

    [Fact]
    public void A_partition_of_a_later_year_does_not_cover_an_earlier_range()
    {
        var stored = Stored(Day(1, 1), Day(5, 31));
        Assert.False(RangeCoverage.Covers(stored, new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), Now, Weekdays));
    }

    [Fact]
    public void A_daily_bar_stamped_before_the_range_start_is_not_expected()
    {
        // Starting at Monday 12:00 leaves Monday's bar (stamped 00:00) outside the range: Tuesday is the first expected.
        Assert.True(RangeCoverage.Covers(Stored(Day(1, 9), Day(1, 12)), Day(1, 8, 12), Day(1, 15), Now, Weekdays));
    }

    [Fact]
    public void A_range_with_no_closed_session_is_covered()
    {
        Assert.True(RangeCoverage.Covers(Stored(Day(1, 8), Day(1, 12)), Day(1, 13), Day(1, 15), Now, Weekdays));
    }

    [Fact]
    public void The_listing_date_moves_the_first_expected_session()
    {
        var stored = Stored(Day(1, 10), Day(1, 12));
        Assert.False(RangeCoverage.Covers(stored, Day(1, 6), Day(1, 15), Now, Weekdays));
        Assert.True(RangeCoverage.Covers(stored, Day(1, 6), Day(1, 15), Now, Weekdays, listedOn: new DateOnly(2024, 1, 10)));
    }

    [Fact]
    public void Intraday_bars_cover_the_sessions_of_the_dates_they_fall_on()
    {
        var minute = Timeframe.Minute1;
        Assert.True(RangeCoverage.Covers(Stored(Day(1, 8, 14).AddMinutes(30), Day(1, 12, 20).AddMinutes(59), minute), Day(1, 6), Day(1, 15), Now, Weekdays));
        Assert.False(RangeCoverage.Covers(Stored(Day(1, 8, 14).AddMinutes(30), Day(1, 11, 20).AddMinutes(59), minute), Day(1, 6), Day(1, 15), Now, Weekdays));
    }

    [Fact]
    public void A_new_york_daily_bar_is_matched_to_its_session_date()
    {
        // NYSE bars are stamped at 00:00 America/New_York (05:00 UTC in winter); Tuesday 2024-01-02 is the first session of 2024.
        var nyse = MarketCalendars.Nyse;
        var stored = Stored(nyse.StartOfDayUtc(new DateOnly(2024, 1, 2)), nyse.StartOfDayUtc(new DateOnly(2024, 5, 31)));
        Assert.True(RangeCoverage.Covers(stored, Day(1, 1), Day(6, 1), Now.AddDays(1), nyse));
        Assert.False(RangeCoverage.Covers(stored, new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero), Day(6, 1), Now.AddDays(1), nyse));
    }

    [Fact]
    public void Without_a_calendar_the_first_bar_must_lie_within_a_day_of_the_start()
    {
        Assert.True(RangeCoverage.Covers(Stored(Day(1, 8, 5), Day(1, 12)), Day(1, 8), Day(1, 13), Now, calendar: null));
        // A weekend start is not known to be one: Monday's first bar after a Saturday start costs a re-fetch.
        Assert.False(RangeCoverage.Covers(Stored(Day(1, 8), Day(1, 12)), Day(1, 6), Day(1, 13), Now, calendar: null));
    }

    [Fact]
    public void Without_a_calendar_the_last_bar_must_lie_within_two_days_of_the_end()
    {
        Assert.True(RangeCoverage.Covers(Stored(Day(1, 8), Day(1, 12)), Day(1, 8), Day(1, 14), Now, calendar: null));
        Assert.False(RangeCoverage.Covers(Stored(Day(1, 8), Day(1, 12)), Day(1, 8), Day(1, 15), Now, calendar: null));
    }

    [Fact]
    public void Without_a_calendar_the_end_is_capped_at_now()
    {
        Assert.True(RangeCoverage.Covers(Stored(Day(1, 8), Day(1, 12)), Day(1, 8), Day(3, 1), now: Day(1, 13), calendar: null));
    }
}
