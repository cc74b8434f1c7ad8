using ActorTrader.Parquet;
using System.Globalization;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// How the parquet tools print one value: timestamps ISO-8601 with the column's precision and "Z" when the
/// column is UTC-adjusted, legacy INT96 timestamps ISO-8601 UTC with nanoseconds (years beyond 9999 as
/// "+290000-..."), dates yyyy-MM-dd, decimals with exactly the column's scale, floats as shortest round-trip text,
/// bytes as base64 (what System.Text.Json uses for byte arrays), lists as JSON array text, culture-invariant throughout.
/// </summary>
internal static class ParquetValueText
{
    public static string Format(object value, ParquetColumnType type) => value switch
    {
        Array list when type.Kind == ParquetTypeKind.List => ParquetJson.ListText(list, type),
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        byte[] bytes => Convert.ToBase64String(bytes),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => Timestamp(time, type),
        Int96Timestamp legacy => legacy.ToString(), // ISO-8601 UTC with nanoseconds, any year (Spark writes some beyond 9999)
        decimal m => m.ToString("F" + type.Scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Timestamp(DateTime time, ParquetColumnType type)
    {
        var fraction = type.Unit switch
        {
            TimestampUnit.Millis => ".fff",
            TimestampUnit.Micros => ".ffffff",
            _ => ".fffffff", // nanos are read as 100 ns ticks
        };
        return time.ToString("yyyy-MM-dd'T'HH:mm:ss" + fraction, CultureInfo.InvariantCulture) + (type.AdjustedToUtc ? "Z" : "");
    }
}
