using System.Globalization;

namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>
/// The text both sides of an interop test are compared in, mirroring canonical.mjs: integers as digits,
/// floats as round-trip text ("-0", "NaN", "Infinity"), bytes as lower-case hex, dates yyyy-MM-dd,
/// decimals with exactly the column's scale, timestamps yyyy-MM-ddTHH:mm:ss.fffffffff with "Z" for UTC.
/// </summary>
internal static class CanonicalValue
{
    /// <summary>The canonical text of one of our CLR values, or null.</summary>
    public static string? Of(object? value, ParquetColumnType type) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        float f => OfDouble(f),
        double d => OfDouble(d),
        string s => s,
        byte[] bytes => Convert.ToHexStringLower(bytes),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => OfTimestamp(time),
        Int96Timestamp legacy => legacy.ToString(),
        decimal m => m.ToString("F" + type.Scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No canonical form for a {value.GetType()} in a {type} column.", nameof(value)),
    };

    /// <summary>
    /// DuckDB's canonical text brought to ours: float text is re-formatted through a double (the two sides
    /// print shortest round-trip text with different exponent rules), and nanosecond timestamps are cut
    /// to 100 ns, the resolution of <see cref="DateTime"/> that our reader documents.
    /// </summary>
    public static string? FromDuckDb(string? text, ParquetColumnType type)
    {
        if (text is null) return null;
        return type.Kind switch
        {
            ParquetTypeKind.Float or ParquetTypeKind.Double => OfDouble(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            ParquetTypeKind.Timestamp or ParquetTypeKind.Int96 => TruncateToTicks(text),
            _ => text,
        };
    }

    /// <summary>
    /// Our canonical timestamp cut to the resolution of the DuckDB type it was read as. DuckDB reads
    /// TIMESTAMP(NANOS, isAdjustedToUTC=true) as TIMESTAMP WITH TIME ZONE, whose resolution is a microsecond,
    /// so only the microseconds of such a column can be compared (UTC-less nanos stay TIMESTAMP_NS, compared in full).
    /// </summary>
    public static string? AtDuckDbResolution(string? canonical, string duckDbType)
    {
        if (canonical is null || duckDbType is not ("TIMESTAMP WITH TIME ZONE" or "TIMESTAMP")) return canonical;
        var dot = canonical.IndexOf('.', StringComparison.Ordinal);
        return canonical[..(dot + 7)] + "000" + canonical[(dot + 10)..];
    }

    private static string OfDouble(double d) => d switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        0 when double.IsNegative(d) => "-0",
        _ => d.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string OfTimestamp(DateTime time)
    {
        var fraction = (time.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture);
        var zone = time.Kind == DateTimeKind.Utc ? "Z" : "";
        return $"{time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}.{fraction}00{zone}";
    }

    // "2020-01-01T00:00:01.000000007Z" -> "2020-01-01T00:00:01.000000000Z": the last two of nine digits are below 100 ns.
    private static string TruncateToTicks(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return text[..(dot + 8)] + "00" + text[(dot + 10)..];
    }
}
