using ActorTrader.Data.Ingestion;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

public class StrictHealthTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private static readonly DateTimeOffset Start = TestBars.Monday;
    private static readonly DateTimeOffset End = TestBars.Monday.AddDays(28); // 20 weekday sessions
    private static readonly DateTimeOffset Later = End.AddDays(10);

    [Fact]
    public void Every_session_present_is_healthy()
    {
        Assert.Null(StrictHealth.Check(Aapl, Timeframe.Day1, TestBars.Weekdays(Start, End), new WeekdayCalendar(), Start, End, Later, 0.0));
    }

    [Fact]
    public void Missing_sessions_beyond_the_allowed_fraction_are_unhealthy_with_counts()
    {
        var bars = TestBars.Weekdays(Start, End);
        bars.RemoveAt(5);
        bars.RemoveAt(5);
        var rejection = StrictHealth.Check(Aapl, Timeframe.Day1, bars, new WeekdayCalendar(), Start, End, Later, 0.05);
        Assert.Equal(RejectionKind.Unhealthy, rejection!.Kind);
        Assert.Contains("2 of 20", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("first missing 2024-01-08", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_sessions_within_the_allowed_fraction_are_healthy()
    {
        var bars = TestBars.Weekdays(Start, End);
        bars.RemoveAt(5);
        Assert.Null(StrictHealth.Check(Aapl, Timeframe.Day1, bars, new WeekdayCalendar(), Start, End, Later, 0.05));
    }

    [Fact]
    public void Sessions_before_the_first_bar_are_not_expected()
    {
        var bars = TestBars.Weekdays(Start.AddDays(14), End);
        Assert.Null(StrictHealth.Check(Aapl, Timeframe.Day1, bars, new WeekdayCalendar(), Start, End, Later, 0.0));
    }

    [Fact]
    public void Sessions_not_yet_closed_are_not_expected()
    {
        var now = Start.AddDays(9).AddHours(15); // Wednesday of week 2, before the close
        var bars = TestBars.Weekdays(Start, Start.AddDays(9));
        Assert.Null(StrictHealth.Check(Aapl, Timeframe.Day1, bars, new WeekdayCalendar(), Start, End, now, 0.0));
    }

    [Fact]
    public void Intraday_bars_are_not_checked()
    {
        var bars = TestBars.Weekdays(Start, End).Take(2).ToList();
        Assert.Null(StrictHealth.Check(Aapl, Timeframe.Minute1, bars, new WeekdayCalendar(), Start, End, Later, 0.0));
    }
}
