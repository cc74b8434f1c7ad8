using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Values;

/// <summary>INT32 DATE: days since 1970-01-01 as <see cref="DateOnly"/>.</summary>
internal sealed class DateCodec : IntegerBackedCodec<int, DateOnly>
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
