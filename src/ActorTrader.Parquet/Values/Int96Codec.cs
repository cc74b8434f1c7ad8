using System.Buffers.Binary;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>
/// Legacy INT96 timestamps (Impala/Spark): 8 bytes nanoseconds of the day then 4 bytes Julian day,
/// little-endian, read as UTC <see cref="DateTime"/>. Never written.
/// </summary>
internal sealed class Int96Codec() : ColumnCodec<DateTime>(PhysicalType.Int96)
{
    private const long JulianDayOfUnixEpoch = 2440588;

    public override ColumnShape<DateTime> Shape(bool nullable) => nullable ? new NullableStructShape<DateTime>() : new RequiredShape<DateTime>();

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<DateTime> output)
    {
        var bytes = checked(output.Length * 12);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN INT96 needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = ToDateTime(data.Slice(i * 12, 12));
        }

        return bytes;
    }

    public override void EncodePlain(ReadOnlySpan<DateTime> values, ByteBuffer output) =>
        throw new InvalidOperationException("INT96 timestamps are read-only; write Timestamp columns instead.");

    public override byte[] EncodeStatistic(DateTime value) =>
        throw new InvalidOperationException("INT96 timestamps are read-only.");

    // INT96 has no defined sort order, so its statistics are never used.
    public override object? DecodeStatistic(byte[] bytes) => null;

    internal static DateTime ToDateTime(ReadOnlySpan<byte> value)
    {
        var nanos = BinaryPrimitives.ReadInt64LittleEndian(value);
        var julianDay = BinaryPrimitives.ReadInt32LittleEndian(value[8..]);
        var days = julianDay - JulianDayOfUnixEpoch;
        var epochTicks = DateTime.UnixEpoch.Ticks;
        var minDays = -epochTicks / TimeSpan.TicksPerDay - 1;
        var maxDays = (DateTime.MaxValue.Ticks - epochTicks) / TimeSpan.TicksPerDay + 1;
        if (days < minDays || days > maxDays || nanos < 0 || nanos >= TimeSpan.TicksPerDay * 100)
        {
            throw new ParquetDataException($"INT96 timestamp (Julian day {julianDay}, {nanos} ns) is outside DateTime's range (years 1..9999).");
        }

        var ticks = epochTicks + (days * TimeSpan.TicksPerDay) + (nanos / 100);
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            throw new ParquetDataException($"INT96 timestamp (Julian day {julianDay}, {nanos} ns) is outside DateTime's range (years 1..9999).");
        }

        return new DateTime(ticks, DateTimeKind.Utc);
    }
}
