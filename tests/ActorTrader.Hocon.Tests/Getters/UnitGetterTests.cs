using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Getters;

public sealed class UnitGetterTests
{
    public static TheoryData<string, long> Durations() => new()
    {
        { "100", 100 * TimeSpan.TicksPerMillisecond },
        { "\"250\"", 250 * TimeSpan.TicksPerMillisecond },
        { "1500ns", 15 },
        { "3 us", 30 },
        { "100ms", 100 * TimeSpan.TicksPerMillisecond },
        { "2 millis", 2 * TimeSpan.TicksPerMillisecond },
        { "5s", 5 * TimeSpan.TicksPerSecond },
        { "1.5 seconds", 15 * TimeSpan.TicksPerSecond / 10 },
        { "2 minutes", 2 * TimeSpan.TicksPerMinute },
        { "3m", 3 * TimeSpan.TicksPerMinute },
        { "1h", TimeSpan.TicksPerHour },
        { "2 days", 2 * TimeSpan.TicksPerDay },
        { "1 nanosecond", 0 },
        { "-5s", -5 * TimeSpan.TicksPerSecond },
        { "-1.5 minutes", -90 * TimeSpan.TicksPerSecond },
        { "1 nano", 0 },
        { "7 micro", 70 },
        { "1 milli", TimeSpan.TicksPerMillisecond },
        { "1 second", TimeSpan.TicksPerSecond },
        { "1 minute", TimeSpan.TicksPerMinute },
        { "1 hour", TimeSpan.TicksPerHour },
        { "1 day", TimeSpan.TicksPerDay },
        { "0.5d", 12 * TimeSpan.TicksPerHour },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Durations_use_the_spec_units_and_bare_numbers_are_milliseconds(string text, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), HoconText.Parse($"d = {text}").GetTimeSpan("d"));
    }

    [Theory]
    [InlineData("5 S")]
    [InlineData("5 sec")]
    [InlineData("fast")]
    public void Unknown_duration_units_are_errors(string text)
    {
        var error = Assert.ThrowsAny<HoconException>(() => HoconText.Parse($"d = {text}").GetTimeSpan("d"));

        Assert.Contains("'d'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("79228162514264337593543950335 days")]
    [InlineData("99999999999999 d")]
    [InlineData("-99999999999999 d")]
    public void Durations_beyond_a_TimeSpan_are_errors_not_overflows(string text)
    {
        var error = Assert.ThrowsAny<HoconException>(() => HoconText.Parse($"d = {text}").GetTimeSpan("d"));

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_duration_reads_as_an_infinite_timeout()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, HoconText.Parse("d = infinite").GetTimeSpan("d"));
    }

    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("10B", 10L)]
    [InlineData("3 bytes", 3L)]
    [InlineData("512k", 512L * 1024)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("2KiB", 2048L)]
    [InlineData("1 kB", 1000L)]
    [InlineData("10MiB", 10L * 1024 * 1024)]
    [InlineData("10 MB", 10_000_000L)]
    [InlineData("1 GB", 1_000_000_000L)]
    [InlineData("1g", 1L << 30)]
    [InlineData("2 tebibytes", 2L << 40)]
    [InlineData("1.5k", 1536L)]
    [InlineData("1 kilobyte", 1000L)]
    [InlineData("2 megabytes", 2_000_000L)]
    [InlineData("1 kibibyte", 1024L)]
    [InlineData("1Mi", 1L << 20)]
    [InlineData("1 EiB", 1L << 60)]
    [InlineData("1 byte", 1L)]
    public void Byte_sizes_use_the_spec_units(string text, long bytes)
    {
        Assert.Equal(bytes, HoconText.Parse($"s = {text}").GetByteSize("s"));
    }

    [Theory]
    [InlineData("10 mb")]
    [InlineData("1 ZB")]
    [InlineData("lots")]
    public void Unknown_or_overflowing_byte_sizes_are_errors(string text)
    {
        Assert.ThrowsAny<HoconException>(() => HoconText.Parse($"s = {text}").GetByteSize("s"));
    }
}
