using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorTrader.Parquet.Values;

/// <summary>
/// INT32 or INT64 (<typeparamref name="TPhysical"/>) read as the CLR integer <typeparamref name="T"/> of the
/// column's INT(bits, signed) annotation. Unsigned values keep their bit pattern and compare unsigned.
/// </summary>
internal sealed class IntegerCodec<TPhysical, T> : IntegerBackedCodec<TPhysical, T>
    where TPhysical : unmanaged, IBinaryInteger<TPhysical>
    where T : unmanaged, IBinaryInteger<T>
{
    // Same width (int, uint, long, ulong): the bit pattern is the value, so PLAIN stays a memory copy.
    private static bool SameWidth => Unsafe.SizeOf<T>() == Unsafe.SizeOf<TPhysical>();

    protected override void FromPhysical(ReadOnlySpan<TPhysical> source, Span<T> destination)
    {
        if (SameWidth)
        {
            MemoryMarshal.Cast<TPhysical, T>(source).CopyTo(destination);
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = T.CreateTruncating(source[i]);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<T> source, Span<TPhysical> destination)
    {
        if (SameWidth)
        {
            MemoryMarshal.Cast<T, TPhysical>(source).CopyTo(destination);
            return;
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = TPhysical.CreateTruncating(source[i]);
        }
    }
}
