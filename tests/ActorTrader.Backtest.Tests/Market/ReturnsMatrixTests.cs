using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Tests.Support;

namespace ActorTrader.Backtest.Tests.Market;

public sealed class ReturnsMatrixTests
{
    [Fact]
    public void Close_to_close_returns_are_row_major_with_bar_zero_unobserved()
    {
        var matrix = ReturnsMatrix.FromPanel(TestPanels.FromCloses([100, 110, 99], [10, 10, 12]));

        Assert.Equal([0, 0, 0.1, 0, -0.1, 0.2], matrix.Values.ToArray().Select(v => Math.Round(v, 12)));
        Assert.False(matrix.IsObserved(0, 0));
        Assert.True(matrix.IsObserved(1, 1));
    }

    [Fact]
    public void Before_listing_returns_are_unobserved_zeros()
    {
        var matrix = ReturnsMatrix.FromPanel(TestPanels.FromCloses([double.NaN, double.NaN, 50, 55]));

        Assert.Equal([0, 0, 0, 0.1], matrix.Values.ToArray().Select(v => Math.Round(v, 12)));
        Assert.False(matrix.IsObserved(2, 0));
        Assert.True(matrix.IsObserved(3, 0));
    }

    [Fact]
    public void Ready_values_keep_nan_as_missing_and_refuse_a_total_loss()
    {
        var symbols = TestPanels.Symbols(1);
        var times = TestPanels.Weekdays(2);

        var matrix = ReturnsMatrix.FromValues(symbols, times, [double.NaN, 0.01]);
        var e = Assert.Throws<ArgumentException>(() => ReturnsMatrix.FromValues(symbols, times, [0.01, -1]));

        Assert.False(matrix.IsObserved(0, 0));
        Assert.Contains("NYSE:A", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_keeps_the_rows_asked_for()
    {
        var matrix = ReturnsMatrix.FromPanel(TestPanels.FromCloses([100, 110, 121, 133.1]));

        var slice = matrix.Slice(2, 2);

        Assert.Equal(matrix.Times.Skip(2), slice.Times);
        Assert.Equal(0.1, slice[0, 0], 12);
    }
}
