using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Values;

/// <summary>INT32 as <see cref="int"/>: PLAIN is a straight memory copy.</summary>
internal sealed class Int32Codec : Int32BackedCodec<int>
{
    protected override void FromPhysical(ReadOnlySpan<int> source, Span<int> destination) => source.CopyTo(destination);

    protected override void ToPhysical(ReadOnlySpan<int> source, Span<int> destination) => source.CopyTo(destination);
}

/// <summary>INT(8, signed) stored as INT32.</summary>
internal sealed class SByteCodec : Int32BackedCodec<sbyte>
{
    protected override void FromPhysical(ReadOnlySpan<int> source, Span<sbyte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked((sbyte)source[i]);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<sbyte> source, Span<int> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }
}

/// <summary>INT(8, unsigned) stored as INT32.</summary>
internal sealed class ByteCodec : Int32BackedCodec<byte>
{
    protected override void FromPhysical(ReadOnlySpan<int> source, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked((byte)source[i]);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }
}

/// <summary>INT(16, signed) stored as INT32.</summary>
internal sealed class Int16Codec : Int32BackedCodec<short>
{
    protected override void FromPhysical(ReadOnlySpan<int> source, Span<short> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked((short)source[i]);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<short> source, Span<int> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }
}

/// <summary>INT(16, unsigned) stored as INT32.</summary>
internal sealed class UInt16Codec : Int32BackedCodec<ushort>
{
    protected override void FromPhysical(ReadOnlySpan<int> source, Span<ushort> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked((ushort)source[i]);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<ushort> source, Span<int> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }
}

/// <summary>INT(32, unsigned) stored as INT32 (bit pattern kept, compared unsigned).</summary>
internal sealed class UInt32Codec : Int32BackedCodec<uint>
{
    protected override void FromPhysical(ReadOnlySpan<int> source, Span<uint> destination) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<int, uint>(source).CopyTo(destination);

    protected override void ToPhysical(ReadOnlySpan<uint> source, Span<int> destination) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<uint, int>(source).CopyTo(destination);
}

/// <summary>INT64 as <see cref="long"/>: PLAIN is a straight memory copy.</summary>
internal sealed class Int64Codec : Int64BackedCodec<long>
{
    protected override void FromPhysical(ReadOnlySpan<long> source, Span<long> destination) => source.CopyTo(destination);

    protected override void ToPhysical(ReadOnlySpan<long> source, Span<long> destination) => source.CopyTo(destination);
}

/// <summary>INT(64, unsigned) stored as INT64 (bit pattern kept, compared unsigned).</summary>
internal sealed class UInt64Codec : Int64BackedCodec<ulong>
{
    protected override void FromPhysical(ReadOnlySpan<long> source, Span<ulong> destination) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<long, ulong>(source).CopyTo(destination);

    protected override void ToPhysical(ReadOnlySpan<ulong> source, Span<long> destination) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, long>(source).CopyTo(destination);
}

/// <summary>INT32 DATE: days since 1970-01-01 as <see cref="DateOnly"/>.</summary>
internal sealed class DateCodec : Int32BackedCodec<DateOnly>
{
    private const int EpochDayNumber = 719162;
    private static readonly int MaxDays = DateOnly.MaxValue.DayNumber - EpochDayNumber;

    protected override void FromPhysical(ReadOnlySpan<int> source, Span<DateOnly> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var days = source[i];
            if (days < -EpochDayNumber || days > MaxDays)
            {
                throw new ParquetDataException($"DATE value {days} days from 1970-01-01 is outside DateOnly's range (years 1..9999).");
            }

            destination[i] = DateOnly.FromDayNumber(days + EpochDayNumber);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<DateOnly> source, Span<int> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i].DayNumber - EpochDayNumber;
        }
    }
}
