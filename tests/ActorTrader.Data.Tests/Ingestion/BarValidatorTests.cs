using ActorTrader.Data.Ingestion;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

public class BarValidatorTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");

    private static List<ActorTrader.Domain.Bars.Bar> Bars() => TestBars.Weekdays(TestBars.Monday, TestBars.Monday.AddDays(14));

    [Fact]
    public void Valid_bars_pass()
    {
        Assert.Null(BarValidator.Validate(Aapl, Bars(), 5m));
    }

    [Fact]
    public void A_toxic_return_is_rejected_with_its_bar_and_value()
    {
        var bars = Bars();
        bars[4] = TestBars.With(bars[4], close: bars[3].Close * 7m, high: bars[3].Close * 7m);
        var rejection = BarValidator.Validate(Aapl, bars, 5m);
        Assert.Equal(RejectionKind.ToxicReturn, rejection!.Kind);
        Assert.Contains(BarValidator.Time(bars[4].Timestamp), rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("600%", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_return_just_below_the_threshold_passes()
    {
        var bars = Bars();
        var close = bars[3].Close * 5.99m;
        bars[4] = TestBars.With(bars[4], close: close, high: close);
        for (var i = 5; i < bars.Count; i++) bars[i] = TestBars.With(bars[i], open: close, close: close, high: close, low: close);
        Assert.Null(BarValidator.Validate(Aapl, bars, 5m));
    }

    [Fact]
    public void A_crash_of_the_full_threshold_below_is_toxic_too()
    {
        var bars = Bars();
        Assert.Equal(RejectionKind.ToxicReturn, BarValidator.Validate(Aapl, bars, 0.5m, lastStored: TestBars.With(bars[0], close: bars[0].Close * 3m, at: bars[0].Timestamp.AddDays(-3)))!.Kind);
    }

    [Fact]
    public void The_first_bar_is_checked_against_the_last_stored_bar()
    {
        var bars = Bars();
        var stored = TestBars.With(bars[0], close: bars[0].Close / 10m, low: bars[0].Close / 10m, at: bars[0].Timestamp.AddDays(-3));
        var rejection = BarValidator.Validate(Aapl, bars, 5m, stored);
        Assert.Equal(RejectionKind.ToxicReturn, rejection!.Kind);
        Assert.Contains("last stored close", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Inverted_high_and_low_are_rejected()
    {
        var bars = Bars();
        bars[2] = TestBars.With(bars[2], high: bars[2].Low, low: bars[2].High);
        var rejection = BarValidator.Validate(Aapl, bars, 5m);
        Assert.Equal(RejectionKind.InvalidOhlc, rejection!.Kind);
        Assert.Contains("below low", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_close_above_the_high_is_rejected()
    {
        var bars = Bars();
        bars[2] = TestBars.With(bars[2], close: bars[2].High + 1m);
        Assert.Equal(RejectionKind.InvalidOhlc, BarValidator.Validate(Aapl, bars, 5m)!.Kind);
    }

    [Fact]
    public void An_open_below_the_low_is_rejected()
    {
        var bars = Bars();
        bars[2] = TestBars.With(bars[2], open: bars[2].Low - 1m);
        Assert.Equal(RejectionKind.InvalidOhlc, BarValidator.Validate(Aapl, bars, 5m)!.Kind);
    }

    [Fact]
    public void Negative_volume_is_rejected()
    {
        var bars = Bars();
        bars[1] = TestBars.With(bars[1], volume: -1m);
        Assert.Equal(RejectionKind.NegativeVolume, BarValidator.Validate(Aapl, bars, 5m)!.Kind);
    }

    [Fact]
    public void A_zero_price_is_rejected()
    {
        var bars = Bars();
        bars[1] = TestBars.With(bars[1], low: 0m);
        Assert.Equal(RejectionKind.NonPositivePrice, BarValidator.Validate(Aapl, bars, 5m)!.Kind);
    }

    [Fact]
    public void Duplicate_timestamps_are_rejected()
    {
        var bars = Bars();
        bars.Insert(3, bars[2]);
        var rejection = BarValidator.Validate(Aapl, bars, 5m);
        Assert.Equal(RejectionKind.DuplicateTimestamp, rejection!.Kind);
        Assert.Contains(BarValidator.Time(bars[2].Timestamp), rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decreasing_timestamps_are_rejected()
    {
        var bars = Bars();
        (bars[3], bars[4]) = (bars[4], bars[3]);
        Assert.Equal(RejectionKind.OutOfOrder, BarValidator.Validate(Aapl, bars, 5m)!.Kind);
    }

    [Fact]
    public void The_first_problem_is_the_one_reported()
    {
        var bars = Bars();
        bars[2] = TestBars.With(bars[2], volume: -5m);
        bars[5] = TestBars.With(bars[5], high: bars[5].Low - 1m);
        Assert.Equal(RejectionKind.NegativeVolume, BarValidator.Validate(Aapl, bars, 5m)!.Kind);
    }
}
