using ActorTrader.Parquet;
using System.Globalization;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// How the parquet tools print one value: timestamps ISO-8601 with the column's precision and "Z" when the
/// column is UTC-adjusted, dates yyyy-MM-dd, decimals with exactly the column's scale, floats as shortest
/// round-trip text, bytes as base64 (what System.Text.Json uses for byte arrays), culture-invariant throughout.
/// </summary>
internal static class ParquetValueText
{
    public static string Format(object value, ParquetColumnType type) => value switch
    {
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        byte[] bytes => Convert.ToBase64String(bytes),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => Timestamp(time, type),
        decimal m => m.ToString("F" + type.Scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Timestamp(DateTime time, ParquetColumnType type)
    {
        var fraction = type.Kind == ParquetTypeKind.Int96 ? ".fffffff" : type.Unit switch
        {
            TimestampUnit.Millis => ".fff",
            TimestampUnit.Micros => ".ffffff",
            _ => ".fffffff", // nanos are read as 100 ns ticks
        };
        var utc = type.AdjustedToUtc || type.Kind == ParquetTypeKind.Int96;
        return time.ToString("yyyy-MM-dd'T'HH:mm:ss" + fraction, CultureInfo.InvariantCulture) + (utc ? "Z" : "");
    }
}
