using System.Globalization;
using System.Text.RegularExpressions;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Parquet;

/// <summary>Parses CSV text into the CLR value of a <see cref="CsvColumnKind"/>: invariant culture, ISO-8601 dates and timestamps.</summary>
internal static partial class CsvValueParser
{
    private const NumberStyles DecimalStyle = NumberStyles.Number & ~NumberStyles.AllowThousands;

    /// <summary>The value of <paramref name="text"/> as <paramref name="type"/>; false when the text is not such a value.</summary>
    public static bool TryParse(string text, ParquetColumnType type, out object? value)
    {
        value = type.Kind switch
        {
            ParquetTypeKind.Boolean => ParseBoolean(text),
            ParquetTypeKind.Integer when type.BitWidth == 32 =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i32) ? i32 : null,
            ParquetTypeKind.Integer =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i64) ? i64 : null,
            ParquetTypeKind.Float => float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : null,
            ParquetTypeKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            ParquetTypeKind.Decimal => ParseDecimal(text, type),
            ParquetTypeKind.Date => ParseDate(text),
            ParquetTypeKind.Timestamp => ParseTimestamp(text),
            ParquetTypeKind.String => text,
            _ => throw new ParquetToolException($"CSV columns cannot be converted to {type}; use one of {CsvColumnKind.SchemaTypes}."),
        };
        return value is not null;
    }

    private static bool? ParseBoolean(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    // A value with more decimal places than the scale, or more integer digits than precision - scale, would not fit the column.
    private static decimal? ParseDecimal(string text, ParquetColumnType type) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var m) && m.Scale <= type.Scale && Math.Abs(m) < Pow10(type.Precision - type.Scale)
            ? m
            : null;

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static DateTime? ParseTimestamp(string text)
    {
        if (IsoTimestamp().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            // Whole microseconds, the column's unit.
            return new DateTime(time.UtcTicks - (time.UtcTicks % 10), DateTimeKind.Utc);
        }

        return ParseDate(text)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    private static decimal Pow10(int digits)
    {
        if (digits >= 29)
        {
            return decimal.MaxValue;
        }

        var result = 1m;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();
}
