using ActorTrader.Parquet;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorTrader.Cli.Parquet;

/// <summary>Parses CSV text into the CLR value of a <see cref="CsvColumnKind"/>: invariant culture, ISO-8601 dates and timestamps.</summary>
internal static partial class CsvValueParser
{
    public static bool TryParse(string text, ParquetColumnType type, out object? value)
    {
        value = null;
        switch (type.Kind)
        {
            case ParquetTypeKind.Boolean:
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) value = true;
                else if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) value = false;
                break;
            case ParquetTypeKind.Integer when type.BitWidth == 32:
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i32)) value = i32;
                break;
            case ParquetTypeKind.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i64)) value = i64;
                break;
            case ParquetTypeKind.Float:
                if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)) value = f;
                break;
            case ParquetTypeKind.Double:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) value = d;
                break;
            case ParquetTypeKind.Decimal:
                if (decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var m) && m.Scale <= type.Scale
                    && Math.Abs(m) < Pow10(type.Precision - type.Scale))
                    value = m;
                break;
            case ParquetTypeKind.Date:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) value = day;
                break;
            case ParquetTypeKind.Timestamp:
                if (IsoTimestamp().IsMatch(text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                    value = new DateTime(time.UtcTicks - (time.UtcTicks % 10), DateTimeKind.Utc); // whole microseconds, the column's unit
                else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var midnight))
                    value = midnight.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                break;
            case ParquetTypeKind.String:
                value = text;
                break;
            default:
                throw new ParquetToolException($"CSV columns cannot be converted to {type}; use one of {CsvColumnKind.SchemaTypes}.");
        }
        return value is not null;
    }

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits && i < 28; i++) result *= 10;
        return digits >= 29 ? decimal.MaxValue : result;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();
}
