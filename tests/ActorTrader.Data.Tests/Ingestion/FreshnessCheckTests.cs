using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

public class FreshnessCheckTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private static readonly DateTimeOffset Start = TestBars.Monday;
    private static readonly DateTimeOffset End = TestBars.Monday.AddDays(28);

    private static (InMemoryBarStore Store, ManualClock Clock) StoreWithBars(DateTimeOffset until)
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new InMemoryBarStore(clock);
        store.Write([new BarBatch(Aapl, Timeframe.Day1, TestBars.Weekdays(Start, until))], new BarWriteSource("fake", true, "r0"));
        return (store, clock);
    }

    [Fact]
    public void A_symbol_written_within_the_freshness_window_is_skipped()
    {
        var (store, clock) = StoreWithBars(End);
        clock.Now = clock.Now.AddHours(11);
        var plan = new FreshnessCheck(store, clock, 12).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(7));
        Assert.True(plan.IsSkipped);
        Assert.Contains("within 12 h", plan.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbol_written_before_the_freshness_window_is_fetched_from_after_its_last_bar()
    {
        var (store, clock) = StoreWithBars(End);
        clock.Now = clock.Now.AddHours(13);
        var plan = new FreshnessCheck(store, clock, 12).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(7));
        Assert.False(plan.IsSkipped);
        var last = store.Describe(Aapl, Timeframe.Day1)!.LastBar;
        Assert.True(plan.Request!.Start > last && plan.Request.Start < last.AddDays(1));
        Assert.Equal(last, plan.LastStored!.Value.Timestamp);
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
        var plan = new FreshnessCheck(store, clock, 12).Plan(Aapl, Timeframe.Day1, Start, End.AddDays(-7));
        Assert.StartsWith("up to date", plan.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_freshness_hours_never_skips_a_recent_write()
    {
        var (store, clock) = StoreWithBars(End.AddDays(-7));
        var plan = new FreshnessCheck(store, clock, 0).Plan(Aapl, Timeframe.Day1, Start, End);
        Assert.False(plan.IsSkipped);
    }

    [Fact]
    public void A_corrupt_partition_is_planned_as_a_full_fetch()
    {
        var (store, clock) = StoreWithBars(End);
        store.MarkCorrupt(Aapl, Timeframe.Day1);
        var plan = new FreshnessCheck(store, clock, 12).Plan(Aapl, Timeframe.Day1, Start, End);
        Assert.Equal(Start, plan.Request!.Start);
    }
}
