using System.Globalization;

namespace ActorTrader.Parquet.Tests.Values;

/// <summary>
/// <see cref="Int96Timestamp"/> checked against <see cref="DateTime"/> inside its range and against
/// known calendar facts outside it (Julian day 0 is 24 November 4714 BC, proleptic Gregorian).
/// </summary>
public sealed class Int96TimestampTests
{
    private const long DaysFromYearOneToUnixEpoch = 719_162;

    [Fact]
    public void Values_within_datetime_range_agree_with_datetime_in_every_view()
    {
        var random = new Random(96);
        for (var i = 0; i < 2000; i++)
        {
            var ticks = random.NextInt64(0, DateTime.MaxValue.Ticks + 1);
            var time = new DateTime(ticks, DateTimeKind.Utc);
            var value = FromDateTime(time);

            Assert.Equal(time, value.ToDateTime());
            Assert.Equal(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z", value.ToString());
            Assert.Equal(Math.DivRem(ticks - DateTime.UnixEpoch.Ticks, 10L) switch { var (q, r) => r < 0 ? q - 1 : q }, value.UnixMicroseconds);
        }
    }

    [Fact]
    public void Julian_day_zero_prints_as_24_november_4714_bc()
    {
        Assert.Equal("-4713-11-24T00:00:00.000000000Z", new Int96Timestamp(0, 0).ToString());
    }

    [Fact]
    public void Year_10000_prints_with_a_plus_sign_and_has_no_datetime()
    {
        var value = new Int96Timestamp(DayOfTenThousand(), 0);
        Assert.Equal("+10000-01-01T00:00:00.000000000Z", value.ToString());
        Assert.False(value.TryGetDateTime(out _));
    }

    [Fact]
    public void Last_nanosecond_of_9999_truncates_to_datetime_max_value()
    {
        var value = new Int96Timestamp(DayOfTenThousand() - 1, 86_399_999_999_999);
        Assert.Equal("9999-12-31T23:59:59.999999999Z", value.ToString());
        Assert.Equal(DateTime.MaxValue, value.ToDateTime());
    }

    [Fact]
    public void Datetime_conversion_outside_its_range_names_the_value_and_the_alternatives()
    {
        var error = Assert.Throws<OverflowException>(() => new Int96Timestamp(0, 5).ToDateTime());
        Assert.Contains("-4713-11-24T00:00:00.000000005Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("Julian day 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("UnixMicroseconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spark_wrapped_day_of_year_290000_reads_back_as_year_290000()
    {
        // Spark computes micros + epoch day x micros per day in 64 bits, which wraps past year ~290,000.
        const long micros = 9089380393200000000;
        var julianMicros = unchecked(micros + (Int96Timestamp.JulianDayOfUnixEpoch * 86_400_000_000L));
        var value = new Int96Timestamp((int)(julianMicros / 86_400_000_000L), julianMicros % 86_400_000_000L * 1000);

        Assert.True(value.JulianDay < 0);
        Assert.Equal(micros, value.UnixMicroseconds);
        Assert.Equal("+290000-12-30T23:00:00.000000000Z", value.ToString());
    }

    [Fact]
    public void Negative_nanos_of_day_count_back_into_the_previous_day()
    {
        var value = new Int96Timestamp(Int96Timestamp.JulianDayOfUnixEpoch, -1);
        Assert.Equal("1969-12-31T23:59:59.999999999Z", value.ToString());
        Assert.Equal(new Int128(ulong.MaxValue, ulong.MaxValue), value.UnixNanoseconds);
    }

    [Fact]
    public void Timestamps_order_by_instant()
    {
        var earlier = new Int96Timestamp(Int96Timestamp.JulianDayOfUnixEpoch, 86_399_999_999_999);
        var later = new Int96Timestamp(Int96Timestamp.JulianDayOfUnixEpoch + 1, 0);
        Assert.True(earlier < later);
        Assert.Equal(-1, earlier.CompareTo(later));
        Assert.NotEqual(earlier, later);
    }

    private static int DayOfTenThousand() => (int)((DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay) + 1 - DaysFromYearOneToUnixEpoch + Int96Timestamp.JulianDayOfUnixEpoch);

    private static Int96Timestamp FromDateTime(DateTime time)
    {
        var day = time.Ticks / TimeSpan.TicksPerDay;
        var nanos = time.Ticks % TimeSpan.TicksPerDay * 100;
        return new Int96Timestamp((int)(day - DaysFromYearOneToUnixEpoch + Int96Timestamp.JulianDayOfUnixEpoch), nanos);
    }
}
