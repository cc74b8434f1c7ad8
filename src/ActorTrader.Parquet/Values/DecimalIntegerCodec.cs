using System.Numerics;

namespace ActorTrader.Parquet.Values;

/// <summary>DECIMAL stored as INT32 (precision ≤ 9) or INT64 (precision ≤ 18): the unscaled value as an integer.</summary>
internal sealed class DecimalIntegerCodec<TPhysical>(int precision, int scale) : IntegerBackedCodec<TPhysical, decimal>
    where TPhysical : unmanaged, IBinaryInteger<TPhysical>
{
    // The most digits the physical integer holds, whatever precision the schema declares.
    private readonly int _digits = Math.Min(precision, typeof(TPhysical) == typeof(long) ? 18 : 9);

    protected override void FromPhysical(ReadOnlySpan<TPhysical> source, Span<decimal> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = DecimalScaling.FromUnscaled(long.CreateTruncating(source[i]), scale);
        }
    }

    protected override void ToPhysical(ReadOnlySpan<decimal> source, Span<TPhysical> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = TPhysical.CreateTruncating(DecimalScaling.ToUnscaledInt64(source[i], scale, _digits));
        }
    }
}
