using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Schema;

namespace ActorTrader.Parquet.Reading;

/// <summary>
/// Turns footer statistics into CLR min/max values. min_value/max_value follow the type's sort order
/// and are always used; the legacy min/max fields were written with signed comparison, so they are
/// used only for types whose order is signed (booleans, signed integers, floating point, dates,
/// timestamps, INT32/INT64 decimals) and never for strings, byte arrays or unsigned integers.
/// </summary>
internal static class StatisticsDecoding
{
    public static (object? Min, object? Max) MinMax(ColumnDescriptor leaf, Statistics? statistics)
    {
        if (statistics is null || leaf.Codec is null || leaf.Field is null)
        {
            return (null, null);
        }

        var minBytes = statistics.MinValue;
        var maxBytes = statistics.MaxValue;
        if ((minBytes is null || maxBytes is null) && LegacyIsSafe(leaf))
        {
            minBytes = statistics.LegacyMin;
            maxBytes = statistics.LegacyMax;
        }

        if (minBytes is null || maxBytes is null)
        {
            return (null, null);
        }

        var min = Decode(leaf, minBytes);
        var max = Decode(leaf, maxBytes);
        if (min is null || max is null || IsNaN(min) || IsNaN(max))
        {
            return (null, null);
        }

        return (min, max);
    }

    private static bool LegacyIsSafe(ColumnDescriptor leaf)
    {
        var type = leaf.Field!.Type;
        return leaf.Physical switch
        {
            PhysicalType.Boolean or PhysicalType.Float or PhysicalType.Double => true,
            PhysicalType.Int32 or PhysicalType.Int64 => !(type.Kind == ParquetTypeKind.Integer && !type.IsSigned),
            _ => false,
        };
    }

    private static object? Decode(ColumnDescriptor leaf, byte[] bytes)
    {
        try
        {
            return leaf.Codec!.DecodeStatistic(bytes);
        }
        catch (ParquetDataException)
        {
            // A bound outside the CLR type's range cannot narrow a query; the group is then always kept.
            return null;
        }
    }

    private static bool IsNaN(object value) => value is double d ? double.IsNaN(d) : value is float f && float.IsNaN(f);
}
