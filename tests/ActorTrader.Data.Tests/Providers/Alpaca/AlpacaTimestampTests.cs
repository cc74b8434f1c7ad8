using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class AlpacaTimestampTests
{
    [Fact]
    public void Nine_fractional_digits_are_read_down_to_the_100ns_tick()
    {
        Assert.True(AlpacaTimestamp.TryParse("2021-02-08T09:00:00.123456789Z", out var instant));

        var expected = new DateTimeOffset(2021, 2, 8, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        Assert.Equal(expected, instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void An_offset_is_converted_to_utc()
    {
        Assert.True(AlpacaTimestamp.TryParse("2021-02-08T09:00:00.5-04:00", out var instant));

        Assert.Equal(new DateTimeOffset(2021, 2, 8, 13, 0, 0, 500, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void Whole_seconds_parse_without_a_fraction()
    {
        Assert.True(AlpacaTimestamp.TryParse("2022-02-01T05:00:00Z", out var instant));

        Assert.Equal(new DateTimeOffset(2022, 2, 1, 5, 0, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-02-08")]
    [InlineData("2021-02-08T09:00:00")]
    [InlineData("2021-02-08 09:00:00Z")]
    [InlineData("2021-02-08T09:00:00.Z")]
    [InlineData("2021-02-30T09:00:00Z")]
    [InlineData("2021-02-08T24:00:00Z")]
    [InlineData("2021-02-08T09:00:00+0400")]
    [InlineData("2021-02-08T09:00:00Zjunk")]
    public void Text_that_is_not_RFC_3339_is_rejected(string text)
    {
        Assert.False(AlpacaTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Whole_seconds_are_written_without_a_fraction()
    {
        Assert.Equal("2022-02-01T05:00:00Z", AlpacaTimestamp.Format(new DateTimeOffset(2022, 2, 1, 0, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Written_timestamps_read_back_to_the_same_instant()
    {
        var random = new Random(20240304);
        for (var i = 0; i < 2_000; i++)
        {
            var ticks = random.NextInt64(DateTimeOffset.UnixEpoch.Ticks, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks);
            // Whole seconds, whole milliseconds and full tick precision all occur.
            ticks -= (i % 3) switch { 0 => ticks % TimeSpan.TicksPerSecond, 1 => ticks % TimeSpan.TicksPerMillisecond, _ => 0 };
            var instant = new DateTimeOffset(ticks, TimeSpan.Zero);

            Assert.True(AlpacaTimestamp.TryParse(AlpacaTimestamp.Format(instant), out var back), AlpacaTimestamp.Format(instant));
            Assert.Equal(instant, back);
        }
    }
}
