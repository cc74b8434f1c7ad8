using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Values;

/// <summary>INT64 TIMESTAMP (millis, micros or nanos since the Unix epoch) as <see cref="DateTime"/>.</summary>
internal sealed class TimestampCodec : IntegerBackedCodec<long, DateTime>
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private readonly long _ticksPerUnit;
    private readonly bool _nanos;
    private readonly DateTimeKind _kind;

    public TimestampCodec(TimestampUnit unit, bool adjustedToUtc)
    {
        _ticksPerUnit = unit switch
        {
            TimestampUnit.Millis => TimeSpan.TicksPerMillisecond,
            TimestampUnit.Micros => TimeSpan.TicksPerMicrosecond,
            _ => 1,
        };
        _nanos = unit == TimestampUnit.Nanos;
        _kind = adjustedToUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified;
    }

    protected override void FromPhysical(ReadOnlySpan<long> source, Span<DateTime> destination)
    {
        if (_nanos)
        {
            FromNanos(source, destination);
            return;
        }

        // The representable range in this unit, found once, so the loop needs no per-value division.
        var minValue = -(EpochTicks / _ticksPerUnit);
        var maxValue = (DateTime.MaxValue.Ticks - EpochTicks) / _ticksPerUnit;
        for (var i = 0; i < destination.Length; i++)
        {
            var value = source[i];
            if (value < minValue || value > maxValue)
            {
                throw OutOfRange(value);
            }

            destination[i] = new DateTime(EpochTicks + (value * _ticksPerUnit), _kind);
        }
    }

    private void FromNanos(ReadOnlySpan<long> source, Span<DateTime> destination)
    {
        var maxTicks = DateTime.MaxValue.Ticks;
        for (var i = 0; i < destination.Length; i++)
        {
            var value = source[i];

            // Floor division keeps times before 1970 on the earlier tick.
            var ticks = EpochTicks + Math.DivRem(value, 100, out var rest) - (rest < 0 ? 1 : 0);
            if (ticks < 0 || ticks > maxTicks)
            {
                throw OutOfRange(value);
            }

            destination[i] = new DateTime(ticks, _kind);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<DateTime> source, Span<long> destination)
    {
        var perUnit = _nanos ? 1 : _ticksPerUnit;
        for (var i = 0; i < source.Length; i++)
        {
            var time = source[i];
            if (time.Kind == DateTimeKind.Local && _kind == DateTimeKind.Utc)
            {
                time = time.ToUniversalTime();
            }

            var ticks = time.Ticks - EpochTicks;
            destination[i] = _nanos ? checked(ticks * 100) : Math.DivRem(ticks, perUnit, out var rest) - (rest < 0 ? 1 : 0);
        }
    }

    private static ParquetDataException OutOfRange(long value) =>
        new($"TIMESTAMP value {value} is outside DateTime's range (years 1..9999).");
}
