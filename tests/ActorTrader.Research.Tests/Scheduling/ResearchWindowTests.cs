using ActorTrader.Domain.Calendar;
using ActorTrader.Research.Scheduling;

namespace ActorTrader.Research.Tests.Scheduling;

/// <summary>The overnight window on the wall clock of its time zone, across weekends and daylight-saving changes.</summary>
public sealed class ResearchWindowTests
{
    private static readonly ResearchWindow Overnight = ResearchWindow.Default;

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 3, 4, 0, 59, false)] // Tue 19:59 EST
    [InlineData(2026, 3, 4, 1, 0, true)] // Tue 20:00 EST
    [InlineData(2026, 3, 4, 10, 59, true)] // Wed 05:59 EST
    [InlineData(2026, 3, 4, 11, 0, false)] // Wed 06:00 EST
    [InlineData(2026, 3, 7, 17, 0, true)] // Sat 12:00 EST
    [InlineData(2026, 3, 9, 9, 59, true)] // Mon 05:59 EDT
    [InlineData(2026, 3, 9, 10, 0, false)] // Mon 06:00 EDT
    public void The_default_window_is_open_from_20_00_to_06_00_New_York_time_and_all_weekend(int y, int m, int d, int h, int min, bool open) =>
        Assert.Equal(open, Overnight.IsOpen(Utc(y, m, d, h, min)));

    [Fact]
    public void Friday_evening_opens_at_20_00_eastern_standard_time()
    {
        Assert.Equal(Utc(2026, 3, 7, 1), Overnight.NextChange(Utc(2026, 3, 6, 12)));
    }

    [Fact]
    public void A_weekend_spanning_the_spring_change_closes_monday_at_06_00_eastern_daylight_time()
    {
        // Opened at 01:00 UTC (UTC-5); closes at 10:00 UTC (UTC-4): the wall clock, not the UTC offset, decides.
        Assert.Equal(Utc(2026, 3, 9, 10), Overnight.NextChange(Utc(2026, 3, 7, 1)));
    }

    [Fact]
    public void A_weekend_spanning_the_autumn_change_closes_monday_at_06_00_eastern_standard_time()
    {
        Assert.Equal(Utc(2026, 10, 31, 0), Overnight.NextChange(Utc(2026, 10, 30, 12)));
        Assert.Equal(Utc(2026, 11, 2, 11), Overnight.NextChange(Utc(2026, 10, 31, 0)));
    }

    [Fact]
    public void Without_weekends_saturday_daytime_is_closed_and_the_window_reopens_at_20_00()
    {
        var nights = Overnight with { Weekends = false };

        Assert.False(nights.IsOpen(Utc(2026, 3, 7, 17)));
        Assert.Equal(Utc(2026, 3, 8, 1), nights.NextChange(Utc(2026, 3, 7, 17)));
    }

    [Fact]
    public void A_start_skipped_by_the_spring_jump_opens_at_the_first_minute_after_it()
    {
        var early = new ResearchWindow(new TimeOnly(2, 30), new TimeOnly(5, 0), ExchangeTimeZones.NewYork, weekends: false);

        // Sunday 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens; the window opens at 03:00 EDT.
        Assert.Equal(Utc(2026, 3, 8, 7), early.NextChange(Utc(2026, 3, 8, 5)));
        Assert.True(early.IsOpen(Utc(2026, 3, 8, 7)));
    }

    [Fact]
    public void A_daytime_window_is_open_between_its_start_and_end_only()
    {
        var day = new ResearchWindow(new TimeOnly(9, 0), new TimeOnly(17, 0), TimeZoneInfo.Utc, weekends: false);

        Assert.False(day.IsOpen(Utc(2026, 3, 4, 8, 59)));
        Assert.True(day.IsOpen(Utc(2026, 3, 4, 9)));
        Assert.False(day.IsOpen(Utc(2026, 3, 4, 17)));
        Assert.Equal(Utc(2026, 3, 4, 17), day.NextChange(Utc(2026, 3, 4, 12)));
    }

    [Fact]
    public void A_disabled_window_is_always_open_and_never_changes()
    {
        Assert.True(ResearchWindow.AlwaysOpen.IsOpen(Utc(2026, 3, 4, 15)));
        Assert.Null(ResearchWindow.AlwaysOpen.NextChange(Utc(2026, 3, 4, 15)));
    }

    [Fact]
    public void The_window_describes_itself_for_logs_and_status()
    {
        Assert.Equal("20:00–06:00 America/New_York, weekends all day", Overnight.ToString());
        Assert.Equal("always open", ResearchWindow.AlwaysOpen.ToString());
    }
}
