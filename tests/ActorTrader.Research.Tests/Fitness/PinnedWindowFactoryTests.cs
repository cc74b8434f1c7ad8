using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Tests.Fitness;

public sealed class PinnedWindowFactoryTests
{
    private static readonly ActorTrader.Strategies.Panel.BarPanel Panel = TestPanels.RandomWalk(2, 30, seed: 9);

    private static DateOnly Date(int t) => DateOnly.FromDateTime(Panel.Times[t].UtcDateTime);

    [Fact]
    public void A_fraction_puts_the_first_dates_in_sample_and_the_rest_out_of_sample()
    {
        var window = PinnedWindowFactory.Create(Panel, 0.7);

        Assert.Equal((Date(0), Date(20), Date(21), Date(29)), (window.InSampleStart, window.InSampleEnd, window.OutOfSampleStart, window.OutOfSampleEnd));
        Assert.Equal(["TEST:A", "TEST:B"], window.Symbols);
        Assert.Equal(DataFingerprint.Compute(Panel, window), window.DataFingerprint);
    }

    [Fact]
    public void Explicit_dates_and_symbols_are_kept_in_the_order_given()
    {
        var window = PinnedWindowFactory.Create(Panel, Date(2), Date(10), Date(12), Date(25), ["test:b", "TEST:A"]);

        Assert.Equal(["TEST:B", "TEST:A"], window.Symbols);
        Assert.Equal(Date(12), window.OutOfSampleStart);
    }

    [Fact]
    public void Windows_pinned_twice_on_the_same_data_are_equal()
    {
        Assert.Equal(PinnedWindowFactory.Create(Panel, 0.5), PinnedWindowFactory.Create(Panel, 0.5));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PinnedWindowFactory.Create(Panel, fraction));
    }

    [Fact]
    public void A_symbol_missing_from_the_panel_is_refused_by_name()
    {
        var e = Assert.Throws<PinnedWindowException>(() => PinnedWindowFactory.Create(Panel, 0.5, ["TEST:Z"]));

        Assert.Contains("TEST:Z is not in the panel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_ranges_are_refused()
    {
        var e = Assert.Throws<PinnedWindowException>(() => PinnedWindowFactory.Create(Panel, Date(0), Date(15), Date(15), Date(29)));

        Assert.Contains("overlaps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_without_bars_is_refused()
    {
        var after = Date(29).AddDays(10);

        var e = Assert.Throws<PinnedWindowException>(() => PinnedWindowFactory.Create(Panel, Date(0), Date(15), after, after.AddDays(5)));

        Assert.Contains("no bar in the out-of-sample range", e.Message, StringComparison.Ordinal);
    }
}
