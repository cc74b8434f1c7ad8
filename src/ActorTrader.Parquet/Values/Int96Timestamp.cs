using System.Globalization;

namespace ActorTrader.Parquet;

/// <summary>
/// A legacy INT96 timestamp (Impala, Hive, Spark) exactly as stored: a Julian day number and the
/// nanoseconds into that day, UTC. Kept raw because INT96 spans far more than <see cref="DateTime"/>
/// (Spark writes years beyond 9999); its instant follows Spark's reading (see <see cref="UnixMicroseconds"/>). Convert with <see cref="UnixMicroseconds"/>, <see cref="TryGetDateTime"/>
/// or <see cref="ToDateTime"/>, or print with <see cref="ToString()"/> (ISO-8601, any year).
/// </summary>
public readonly struct Int96Timestamp : IEquatable<Int96Timestamp>, IComparable<Int96Timestamp>, IComparable
{
    /// <summary>Julian day number of 1970-01-01.</summary>
    public const int JulianDayOfUnixEpoch = 2_440_588;

    private const long NanosPerDay = 86_400_000_000_000;
    private const long MicrosPerDay = 86_400_000_000;
    private const long NanosPerTick = 100;

    /// <summary>A timestamp from its two stored parts.</summary>
    public Int96Timestamp(int julianDay, long nanosOfDay)
    {
        JulianDay = julianDay;
        NanosOfDay = nanosOfDay;
    }

    /// <summary>The stored Julian day number (2440588 is 1970-01-01).</summary>
    public int JulianDay { get; }

    /// <summary>The stored nanoseconds since midnight of <see cref="JulianDay"/> (writers keep it in 0..86,399,999,999,999).</summary>
    public long NanosOfDay { get; }

    /// <summary>
    /// Microseconds since 1970-01-01T00:00Z exactly as Spark reads INT96: (day − epoch day) × micros per day
    /// + nanos ÷ 1000 (truncated), in wrapping 64-bit arithmetic. The wrap is deliberate: Spark's writer
    /// wraps the same way for instants after about year 290,000 (storing a negative day), and reading with
    /// the same arithmetic recovers the instant it meant.
    /// </summary>
    public long UnixMicroseconds => unchecked(((JulianDay - (long)JulianDayOfUnixEpoch) * MicrosPerDay) + (NanosOfDay / 1000));

    /// <summary>Nanoseconds since the Unix epoch: <see cref="UnixMicroseconds"/> plus the stored sub-microsecond nanoseconds.</summary>
    public Int128 UnixNanoseconds => ((Int128)UnixMicroseconds * 1000) + (NanosOfDay % 1000);

    /// <summary>The instant as a UTC <see cref="DateTime"/> (nanoseconds truncated to 100 ns ticks); false outside years 1..9999.</summary>
    public bool TryGetDateTime(out DateTime value)
    {
        var ticks = Int128.DivRem(UnixNanoseconds, NanosPerTick);
        var whole = ticks.Quotient - (ticks.Remainder < 0 ? 1 : 0) + DateTime.UnixEpoch.Ticks;
        if (whole < 0 || whole > DateTime.MaxValue.Ticks)
        {
            value = default;
            return false;
        }

        value = new DateTime((long)whole, DateTimeKind.Utc);
        return true;
    }

    /// <summary>The instant as a UTC <see cref="DateTime"/>; throws <see cref="OverflowException"/> naming the value outside years 1..9999.</summary>
    public DateTime ToDateTime() => TryGetDateTime(out var value)
        ? value
        : throw new OverflowException($"INT96 timestamp {Describe()} is outside DateTime's range (years 1..9999); use UnixMicroseconds, UnixNanoseconds or ToString() for such values.");

    /// <summary>ISO-8601 UTC with nanoseconds, e.g. 2024-01-01T12:34:56.123456000Z; years beyond 9999 get a '+' and years before 1 a '-' (astronomical numbering).</summary>
    public override string ToString()
    {
        var days = Int128.DivRem(UnixNanoseconds, NanosPerDay);
        var day = (long)days.Quotient;
        var nanos = (long)days.Remainder;
        if (nanos < 0)
        {
            day--;
            nanos += NanosPerDay;
        }

        var (year, month, dayOfMonth) = CivilFromDays(day);
        var yearText = year switch
        {
            > 9999 => "+" + year.ToString(CultureInfo.InvariantCulture),
            < 0 => "-" + (-year).ToString("D4", CultureInfo.InvariantCulture),
            _ => year.ToString("D4", CultureInfo.InvariantCulture),
        };
        var seconds = nanos / 1_000_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{yearText}-{month:D2}-{dayOfMonth:D2}T{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}.{nanos % 1_000_000_000:D9}Z");
    }

    /// <inheritdoc />
    public bool Equals(Int96Timestamp other) => JulianDay == other.JulianDay && NanosOfDay == other.NanosOfDay;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Int96Timestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(JulianDay, NanosOfDay);

    /// <summary>Orders by instant (<see cref="UnixNanoseconds"/>).</summary>
    public int CompareTo(Int96Timestamp other) => UnixNanoseconds.CompareTo(other.UnixNanoseconds);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Int96Timestamp other => CompareTo(other),
        _ => throw new ArgumentException($"An Int96Timestamp cannot be compared with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Equal when both stored parts are equal.</summary>
    public static bool operator ==(Int96Timestamp left, Int96Timestamp right) => left.Equals(right);

    /// <summary>Different when either stored part differs.</summary>
    public static bool operator !=(Int96Timestamp left, Int96Timestamp right) => !left.Equals(right);

    /// <summary>Earlier instant.</summary>
    public static bool operator <(Int96Timestamp left, Int96Timestamp right) => left.CompareTo(right) < 0;

    /// <summary>Earlier or same instant.</summary>
    public static bool operator <=(Int96Timestamp left, Int96Timestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Later instant.</summary>
    public static bool operator >(Int96Timestamp left, Int96Timestamp right) => left.CompareTo(right) > 0;

    /// <summary>Later or same instant.</summary>
    public static bool operator >=(Int96Timestamp left, Int96Timestamp right) => left.CompareTo(right) >= 0;

    private string Describe() => string.Create(CultureInfo.InvariantCulture, $"{this} (Julian day {JulianDay}, {NanosOfDay} ns of day)");

    // Proleptic Gregorian date of a day count from 1970-01-01, in 400-year eras (146,097 days each).
    private static (long Year, int Month, int Day) CivilFromDays(long daysSinceEpoch)
    {
        var z = daysSinceEpoch + 719_468; // days since 0000-03-01
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthFromMarch = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * monthFromMarch) + 2) / 5) + 1);
        var month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        var year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }
}
