using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

public class FreshnessCheckTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private static readonly DateTimeOffset Start = TestBars.Monday; // Monday 2024-01-01
    private static readonly DateTimeOffset End = TestBars.Monday.AddDays(28); // Monday 2024-01-29; last weekday bar Friday 01-26
    private static readonly WeekdayCalendar Weekdays = new();

    private static (InMemoryBarStore Store, ManualClock Clock) StoreWithBars(DateTimeOffset from, DateTimeOffset until, DateTimeOffset? now = null)
    {
        var clock = new ManualClock(now ?? new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new InMemoryBarStore(clock);
        store.Write([new BarBatch(Aapl, Timeframe.Day1, TestBars.Weekdays(from, until))], new BarWriteSource("fake", true, "r0"));
        return (store, clock);
    }

    private static (InMemoryBarStore Store, ManualClock Clock) StoreWithBars(DateTimeOffset until) => StoreWithBars(Start, until);

    private static FreshnessCheck Check(InMemoryBarStore store, ManualClock clock, double hours = 12) => new(store, clock, hours, _ => Weekdays);

    [Fact]
    public void A_symbol_written_within_the_freshness_window_that_covers_the_range_is_skipped()
    {
        var (store, clock) = StoreWithBars(End);
        clock.Now = clock.Now.AddHours(11);
        var plan = Check(store, clock).Plan(Aapl, Timeframe.Day1, Start, End);
        Assert.True(plan.IsSkipped);
        Assert.Contains("within 12 h", plan.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_write_of_a_later_range_does_not_skip_a_request_for_an_earlier_one()
    {
        // Ingest February, then ask for January an hour later: nothing of January is stored.
        var (store, clock) = StoreWithBars(End, End.AddDays(28));
        clock.Now = clock.Now.AddHours(1);
        var plan = Check(store, clock).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(28));
        Assert.False(plan.IsSkipped);
        Assert.Equal(Start, plan.Request!.Start);
        Assert.Null(plan.LastStored);
    }

    [Fact]
    public void A_fresh_write_that_stops_before_the_last_expected_session_is_fetched_from_after_its_last_bar()
    {
        var (store, clock) = StoreWithBars(End);
        clock.Now = clock.Now.AddHours(1);
        var plan = Check(store, clock).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(7));
        Assert.False(plan.IsSkipped);
        var last = store.Describe(Aapl, Timeframe.Day1)!.LastBar;
        Assert.True(plan.Request!.Start > last && plan.Request.Start < last.AddDays(1));
    }

    [Fact]
    public void A_symbol_written_before_the_freshness_window_is_fetched_from_after_its_last_bar()
    {
        var (store, clock) = StoreWithBars(End);
        clock.Now = clock.Now.AddHours(13);
        var plan = Check(store, clock).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(7));
        Assert.False(plan.IsSkipped);
        var last = store.Describe(Aapl, Timeframe.Day1)!.LastBar;
        Assert.True(plan.Request!.Start > last && plan.Request.Start < last.AddDays(1));
        Assert.Equal(last, plan.LastStored!.Value.Timestamp);
    }

    [Fact]
    public void A_range_starting_on_a_weekend_is_covered_by_bars_from_the_first_session()
    {
        var (store, clock) = StoreWithBars(End);
        var saturday = Start.AddDays(-2);
        Assert.True(Check(store, clock).Plan(Aapl, Timeframe.Day1, saturday, End).IsSkipped);
    }

    [Fact]
    public void A_range_starting_on_a_weekend_needs_only_its_tail_once_the_freshness_window_has_passed()
    {
        var (store, clock) = StoreWithBars(End);
        clock.Now = clock.Now.AddDays(3);
        var plan = Check(store, clock).Plan(Aapl, Timeframe.Day1, Start.AddDays(-2), End.AddDays(7));
        var last = store.Describe(Aapl, Timeframe.Day1)!.LastBar;
        Assert.True(plan.Request!.Start > last);
        Assert.Equal(last, plan.LastStored!.Value.Timestamp);
    }

    [Fact]
    public void A_session_still_open_at_now_is_not_expected_to_be_stored()
    {
        // Monday 01-29 15:00: that day's session is open, so Friday's bar is the last one that can exist.
        var (store, clock) = StoreWithBars(Start, End, now: End.AddHours(15));
        Assert.True(Check(store, clock).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(1)).IsSkipped);
    }

    [Fact]
    public void A_symbol_listed_after_the_range_start_is_covered_from_its_listing_date()
    {
        var listed = Start.AddDays(14);
        var (store, clock) = StoreWithBars(listed, End);
        var check = Check(store, clock);
        Assert.True(check.Plan(Aapl, Timeframe.Day1, Start, End, DateOnly.FromDateTime(listed.UtcDateTime)).IsSkipped);
        Assert.False(check.Plan(Aapl, Timeframe.Day1, Start, End).IsSkipped);
    }

    [Fact]
    public void A_symbol_never_stored_is_fetched_over_the_whole_range()
    {
        var clock = new ManualClock(End);
        var plan = new FreshnessCheck(new InMemoryBarStore(clock), clock, 12).Plan(Aapl, Timeframe.Day1, Start, End);
        Assert.Equal(Start, plan.Request!.Start);
        Assert.Null(plan.LastStored);
    }

    [Fact]
    public void A_range_already_stored_is_skipped_as_up_to_date()
    {
        var (store, clock) = StoreWithBars(End);
        clock.Now = clock.Now.AddDays(3);
        var plan = Check(store, clock).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(-7));
        Assert.StartsWith("up to date", plan.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_freshness_hours_never_skips_a_recent_write()
    {
        var (store, clock) = StoreWithBars(End.AddDays(-7));
        var plan = Check(store, clock, 0).Plan(Aapl, Timeframe.Day1, Start, End);
        Assert.False(plan.IsSkipped);
    }

    [Fact]
    public void A_corrupt_partition_is_planned_as_a_full_fetch()
    {
        var (store, clock) = StoreWithBars(End);
        store.MarkCorrupt(Aapl, Timeframe.Day1);
        var plan = Check(store, clock).Plan(Aapl, Timeframe.Day1, Start, End);
        Assert.Equal(Start, plan.Request!.Start);
    }
}
