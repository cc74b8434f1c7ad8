using ActorTrader.Domain.Bars;

namespace ActorTrader.Domain.Tests.Bars;

public sealed class TimeframeTests
{
    [Theory]
    [InlineData("1Min", 1)]
    [InlineData("1min", 1)]
    [InlineData(" 1Day ", 1440)]
    public void Parsing_is_case_insensitive_and_gives_the_duration(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Timeframe.Parse(text).Duration);
    }

    [Fact]
    public void Formatting_uses_the_Alpaca_name()
    {
        Assert.Equal("1Min", Timeframe.Minute1.ToString());
        Assert.Equal("1Day", Timeframe.Day1.ToString());
    }

    [Fact]
    public void Parsing_returns_the_shared_instances()
    {
        Assert.Same(Timeframe.Day1, Timeframe.Parse("1DAY"));
    }

    [Fact]
    public void An_unsupported_timeframe_is_refused_with_the_supported_ones()
    {
        var error = Assert.Throws<FormatException>(() => Timeframe.Parse("5Min"));

        Assert.Contains("5Min", error.Message, StringComparison.Ordinal);
        Assert.Contains("1Min, 1Day", error.Message, StringComparison.Ordinal);
    }
}
